package dev.groundwork.api.exchange;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * The zip of an Anki package, read defensively: through its central directory, refused past an entry count, and with
 * only the collection inflated — counting the bytes actually inflated, never trusting declared sizes — so a zip bomb
 * stops at the limit. {@code collection.anki21} is preferred to {@code collection.anki2}; a package with only the
 * newest format ({@code collection.anki21b}, zstd) is refused with a way out. Blocking (files).
 */
final class PackageZip {

    private PackageZip() {
    }

    /** Whether the bytes start like a zip archive. */
    static boolean isZip(byte[] bytes) {
        return bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && (bytes[2] == 3 || bytes[2] == 5)
                && (bytes[3] == 4 || bytes[3] == 6);
    }

    /** Writes the package's collection to {@code target}. */
    static void extractCollection(Path zipFile, Path target, ApkgReader.Limits limits) throws IOException {
        try (ZipFile zip = new ZipFile(zipFile.toFile())) {
            if (zip.size() > limits.maxEntries()) {
                throw ImportProblems.tooLarge("The package holds " + zip.size() + " files; at most "
                        + limits.maxEntries() + " are read.");
            }
            ZipEntry entry = zip.getEntry("collection.anki21");
            if (entry == null) {
                if (zip.getEntry("collection.anki21b") != null) {
                    throw ImportProblems.ankiTooNew();
                }
                entry = zip.getEntry("collection.anki2");
            }
            if (entry == null || entry.isDirectory()) {
                throw ImportProblems.unreadable("This zip file holds no Anki collection (collection.anki2): it is not"
                        + " an Anki package.");
            }
            try (InputStream in = zip.getInputStream(entry); OutputStream out = Files.newOutputStream(target)) {
                copyBounded(in, out, limits.maxUncompressedBytes());
            } catch (ZipException | EOFException damaged) {
                throw ImportProblems.unreadable("The package is damaged: its collection cannot be unpacked.");
            }
        } catch (ZipException notAZip) {
            throw ImportProblems.unreadable("The file is not a zip archive, so it is not an Anki package (.apkg).");
        }
    }

    /** Copies at most {@code max} bytes, counting what is actually inflated; more is a zip bomb. */
    static void copyBounded(InputStream in, OutputStream out, long max) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            total += n;
            if (total > max) {
                throw ImportProblems.tooLarge("The package's collection unpacks to more than " + (max / (1024 * 1024))
                        + " MB, the most that is read.");
            }
            out.write(buffer, 0, n);
        }
    }
}
