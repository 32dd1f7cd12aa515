package dev.groundwork.ingest.pipeline;

import dev.groundwork.ingest.extract.ArchiveLimits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The learner's own sources ({@code groundwork.sources.*}): what one upload or pasted text may be, and what a Word
 * document (a zip) may unpack to.
 *
 * @param maxFileSize            largest file one upload takes (held in memory while it is checked)
 * @param maxTextSize            largest pasted text, in UTF-8 bytes
 * @param maxTitleLength         longest title, in characters
 * @param maxUrlLength           longest link, in characters
 * @param archiveMaxEntries      most files a DOCX may hold
 * @param archiveMaxUncompressed most bytes a DOCX may unpack to
 * @param archiveMaxRatio        most bytes a DOCX may unpack to per byte of the file (zip bombs stop here)
 */
@Validated
@ConfigurationProperties("groundwork.sources")
public record SourceProperties(
        @NotNull @DefaultValue("20MB") DataSize maxFileSize,
        @NotNull @DefaultValue("1MB") DataSize maxTextSize,
        @Min(1) @Max(2000) @DefaultValue("300") int maxTitleLength,
        @Min(16) @DefaultValue("2000") int maxUrlLength,
        @Min(1) @DefaultValue("1000") int archiveMaxEntries,
        @NotNull @DefaultValue("25MB") DataSize archiveMaxUncompressed,
        @Min(1) @DefaultValue("100") int archiveMaxRatio) {

    public ArchiveLimits archiveLimits() {
        return new ArchiveLimits(archiveMaxEntries, archiveMaxUncompressed.toBytes(), archiveMaxRatio);
    }
}
