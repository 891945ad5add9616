package org.offops.proxy.domain;

import java.util.List;

/** The listening part of a server block, shared by proxy and images sites: TLS + HSTS in production, plain locally. */
final class ServerBlocks {

    private ServerBlocks() {
    }

    /** Production's port-80 server that sends every request to HTTPS; nothing in plain mode. */
    static void redirectToHttps(ConfText conf, ListenMode listen, List<String> names) {
        if (!listen.tls()) {
            return;
        }
        conf.open("server");
        conf.line("listen 80;");
        conf.line("listen [::]:80;");
        conf.line("server_name " + String.join(" ", names) + ";");
        conf.blank();
        conf.line("return 301 https://$host$request_uri;");
        conf.close();
        conf.blank();
    }

    /** Opens the serving server block, with the certificate and hardening in production. */
    static void open(ConfText conf, ListenMode listen, String hostAddress, List<String> names, Tls tls) {
        conf.open("server");
        if (listen.tls()) {
            conf.line("listen 443 ssl http2;");
            conf.line("listen [::]:443 ssl http2;");
        } else {
            conf.line("listen " + listen.listenOn(hostAddress) + ";");
        }
        conf.line("server_name " + String.join(" ", names) + ";");
        conf.blank();
        if (listen.tls()) {
            conf.line("ssl_certificate " + tls.certificate() + ";");
            conf.line("ssl_certificate_key " + tls.key() + ";");
            if (tls.trustedCertificate() != null) {
                conf.line("ssl_trusted_certificate " + tls.trustedCertificate() + ";");
            }
            conf.line("ssl_protocols TLSv1.2 TLSv1.3;");
            conf.line("ssl_prefer_server_ciphers on;");
            conf.line("ssl_ciphers \"EECDH+AESGCM:EDH+AESGCM:AES256+EECDH:AES256+EDH\";");
            conf.line("ssl_ecdh_curve secp384r1;");
            conf.line("ssl_session_tickets off;");
            conf.line("ssl_stapling on;");
            conf.line("ssl_stapling_verify on;");
            conf.line("resolver 9.9.9.9 8.8.8.8 valid=300s;");
            conf.line("resolver_timeout 5s;");
            conf.blank();
            hsts(conf);
            conf.blank();
        }
    }

    static void hsts(ConfText conf) {
        conf.line("add_header Strict-Transport-Security \"max-age=63072000\" always;");
        conf.line("add_header X-Content-Type-Options nosniff always;");
    }
}
