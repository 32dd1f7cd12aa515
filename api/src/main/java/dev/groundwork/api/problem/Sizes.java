package dev.groundwork.api.problem;

import org.springframework.util.unit.DataSize;

/** How a size limit reads in a problem's detail: whole megabytes or kilobytes where it is one, else bytes. */
public final class Sizes {

    private Sizes() {
    }

    public static String text(DataSize size) {
        long bytes = size.toBytes();
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB"
                : bytes % 1024 == 0 ? bytes / 1024 + " KB" : bytes + " bytes";
    }
}
