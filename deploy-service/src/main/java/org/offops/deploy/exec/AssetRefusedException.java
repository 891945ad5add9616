package org.offops.deploy.exec;

/** A release asset that failed the archive check: no container may receive it. */
public class AssetRefusedException extends RuntimeException {

    public AssetRefusedException(String message) {
        super(message);
    }
}
