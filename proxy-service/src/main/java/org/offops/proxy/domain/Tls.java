package org.offops.proxy.domain;

/** Paths on the proxy host of a site's certificate chain, private key and (optional) OCSP trust chain. */
public record Tls(String certificate, String key, String trustedCertificate) {

    /** The Let's Encrypt layout production uses for a wildcard certificate named after {@code domain}. */
    public static Tls letsEncrypt(String domain) {
        String live = "/etc/letsencrypt/live/" + domain + "/";
        return new Tls(live + "fullchain.pem", live + "privkey.pem", live + "chain.pem");
    }
}
