package dev.groundwork.api.exchange;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Card export and import ({@code groundwork.exchange.*}).
 *
 * @param maxFileSize          largest file an import accepts (the upload is held in memory)
 * @param maxUncompressedSize  most bytes a package's collection may unpack to (zip bombs stop here)
 * @param maxEntries           most files a package may hold (media included; only the collection is unpacked)
 * @param maxRows              most notes or rows one import may hold
 * @param maxReviews           most review-log rows one package may hold
 * @param maxReportRows        most rows listed in an import's report (failed and skipped ones first)
 */
@Validated
@ConfigurationProperties("groundwork.exchange")
public record ExchangeProperties(
        @DefaultValue("64MB") DataSize maxFileSize,
        @DefaultValue("256MB") DataSize maxUncompressedSize,
        @Min(2) @DefaultValue("50000") int maxEntries,
        @Min(1) @Max(1_000_000) @DefaultValue("20000") int maxRows,
        @Min(0) @DefaultValue("500000") int maxReviews,
        @Min(0) @DefaultValue("1000") int maxReportRows) {

    ApkgReader.Limits apkgLimits() {
        return new ApkgReader.Limits(maxUncompressedSize.toBytes(), maxEntries, maxRows, maxReviews);
    }
}
