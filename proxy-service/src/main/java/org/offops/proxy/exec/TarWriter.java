package org.offops.proxy.exec;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A minimal POSIX ustar archive of regular files, to ship a whole configuration in one SSH command. */
final class TarWriter {

    private static final int BLOCK = 512;

    private TarWriter() {
    }

    /** @param files content by relative path (ASCII, at most 255 characters) */
    static byte[] archive(Map<String, byte[]> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        files.forEach((path, content) -> {
            out.writeBytes(header(path, content.length));
            out.writeBytes(content);
            out.writeBytes(new byte[(BLOCK - content.length % BLOCK) % BLOCK]);
        });
        out.writeBytes(new byte[2 * BLOCK]);
        return out.toByteArray();
    }

    private static byte[] header(String path, long size) {
        byte[] header = new byte[BLOCK];
        String name = path;
        String prefix = "";
        if (path.length() > 99) {
            int cut = path.lastIndexOf('/', 155);
            if (cut < 0 || path.length() - cut - 1 > 99) {
                throw new IllegalArgumentException("path too long for ustar: " + path);
            }
            prefix = path.substring(0, cut);
            name = path.substring(cut + 1);
        }
        put(header, 0, name, 100);
        put(header, 100, "0000644", 8);
        put(header, 108, "0000000", 8);
        put(header, 116, "0000000", 8);
        put(header, 124, String.format("%011o", size), 12);
        put(header, 136, "00000000000", 12);
        put(header, 148, "        ", 8);
        header[156] = '0';
        put(header, 257, "ustar", 6);
        put(header, 263, "00", 2);
        put(header, 265, "root", 32);
        put(header, 297, "root", 32);
        put(header, 345, prefix, 155);
        int sum = 0;
        for (byte b : header) {
            sum += b & 0xff;
        }
        put(header, 148, String.format("%06o", sum), 7);
        header[155] = ' ';
        return header;
    }

    private static void put(byte[] header, int offset, String value, int length) {
        byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
        if (bytes.length > length) {
            throw new IllegalArgumentException("ustar field too long: " + value);
        }
        System.arraycopy(bytes, 0, header, offset, bytes.length);
    }
}
