package org.offops.deploy.domain.archive;

import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Reads a whole .tgz and refuses it if extracting it could write outside its directory or exhaust the disk:
 * absolute names, {@code ..}, links leaving the root, devices and FIFOs, too many entries or bytes.
 */
public final class ArchiveChecker {

    private final ArchiveLimits limits;

    public ArchiveChecker(ArchiveLimits limits) {
        this.limits = limits;
    }

    public ArchiveSummary check(InputStream tgz) throws ArchiveRefused {
        int entries = 0;
        long bytes = 0;
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(tgz))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                String name = entry.getName();
                if (++entries > limits.maxEntries()) {
                    throw new ArchiveRefused(null, "has more than " + limits.maxEntries() + " entries");
                }
                checkEntry(entry, name);
                bytes += entry.getSize();
                if (bytes > limits.maxBytes()) {
                    throw new ArchiveRefused(null, "extracts to more than " + limits.maxBytes() + " bytes");
                }
                // reading to the end proves the declared size is really there (a truncated archive is refused)
                tar.transferTo(OutputDiscard.INSTANCE);
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new ArchiveRefused(null, "is not a readable tar.gz: " + e.getMessage());
        }
        if (entries == 0) {
            throw new ArchiveRefused(null, "is empty");
        }
        return new ArchiveSummary(entries, bytes);
    }

    private static boolean regularFile(TarArchiveEntry entry) {
        byte type = entry.getLinkFlag();
        return type == TarConstants.LF_NORMAL || type == TarConstants.LF_OLDNORM || type == TarConstants.LF_CONTIG;
    }

    private static void checkEntry(TarArchiveEntry entry, String name) throws ArchiveRefused {
        ArchivePaths.checkName(name);
        if (entry.isSymbolicLink()) {
            ArchivePaths.checkLink(name, entry.getLinkName(), true);
        } else if (entry.isLink()) {
            ArchivePaths.checkLink(name, entry.getLinkName(), false);
        } else if (!regularFile(entry) && !entry.isDirectory()) {
            throw new ArchiveRefused(name, "is a device, FIFO or other special file");
        }
    }
}
