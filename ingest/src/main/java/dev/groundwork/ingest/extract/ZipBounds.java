package dev.groundwork.ingest.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.zip.ZipInputStream;

/**
 * Walks a zip archive once, inflating every entry into a counter, and refuses it as soon as it has more entries, more
 * uncompressed bytes or a higher compression ratio than its {@link ArchiveLimits} allow. Stateless; blocking and
 * CPU-bound.
 */
final class ZipBounds {

    private ZipBounds() {
    }

    static void check(byte[] archive, ArchiveLimits limits) throws ExtractionFailed {
        long ratioCeiling = (long) archive.length * limits.maxRatio();
        byte[] buffer = new byte[8192];
        int entries = 0;
        long total = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
            while (zip.getNextEntry() != null) {
                if (++entries > limits.maxEntries()) {
                    throw unsafe("it holds more than " + limits.maxEntries() + " files");
                }
                for (int n; (n = zip.read(buffer)) > 0; ) {
                    total += n;
                    if (total > limits.maxUncompressedSize()) {
                        throw unsafe("it unpacks to more than " + limits.maxUncompressedSize() + " bytes");
                    }
                    if (total > ratioCeiling) {
                        throw unsafe("it unpacks to more than " + limits.maxRatio() + " times its size");
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new ExtractionFailed(ExtractionFailed.Reason.BROKEN, "The file could not be read as a zip archive.");
        }
        if (entries == 0) {
            throw new ExtractionFailed(ExtractionFailed.Reason.BROKEN, "The file could not be read as a zip archive.");
        }
    }

    private static ExtractionFailed unsafe(String why) {
        return new ExtractionFailed(ExtractionFailed.Reason.UNSAFE, "The archive is refused: " + why + ".");
    }
}
