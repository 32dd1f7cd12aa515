package dev.groundwork.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.ingest.fetch.FetchFailure.Reason;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class UrlGuardTest {

    /** Every name resolves to the address written in its first label, e.g. {@code a10-0-0-1.test} → 10.0.0.1. */
    static InetAddress[] resolve(String host) throws UnknownHostException {
        if (Cidr.isIpLiteral(host)) {
            return InetAddress.getAllByName(host);
        }
        if (!host.endsWith(".test")) {
            throw new UnknownHostException(host);
        }
        String label = host.substring(1, host.indexOf('.'));
        String address = label.contains("--") ? label.replace("--", "::").replace('-', ':') : label.replace('-', '.');
        return new InetAddress[] {InetAddress.getByAddress(host, InetAddress.getByName(address).getAddress())};
    }

    static Optional<UrlGuard.Refusal> check(List<String> allowed, String url) {
        return new UrlGuard(allowed, UrlGuardTest::resolve).check(URI.create(url));
    }

    @ParameterizedTest
    @CsvSource({
            "http://a10-0-0-1.test/, 10.0.0.1 (private)",
            "http://a172-16-5-4.test/, 172.16.5.4 (private)",
            "http://a192-168-1-1.test/, 192.168.1.1 (private)",
            "http://a127-0-0-1.test/, 127.0.0.1 (loopback)",
            "http://a169-254-169-254.test/, 169.254.169.254 (metadata)",
            "http://a169-254-1-1.test/, 169.254.1.1 (link-local)",
            "http://a100-64-0-1.test/, 100.64.0.1 (shared)",
            "http://a224-0-0-1.test/, 224.0.0.1 (multicast)",
            "http://a0-0-0-0.test/, 0.0.0.0 (unspecified)",
            "http://[::1]/, 0:0:0:0:0:0:0:1 (loopback)",
            "http://[fc00::5]/, fc00:0:0:0:0:0:0:5 (private)",
            "http://[fe80::1]/, fe80:0:0:0:0:0:0:1 (link-local)",
            "http://[::ffff:10.0.0.1]/, 10.0.0.1 (private)",
            "http://169.254.169.254/latest/meta-data/, 169.254.169.254 (metadata)",
            "http://metadata.google.internal/computeMetadata/v1/, metadata.google.internal (metadata)"})
    void refusesInternalAddresses(String url, String detail) {
        assertThat(check(List.of(), url)).hasValue(new UrlGuard.Refusal(Reason.REFUSED_ADDRESS, detail));
    }

    @Test
    void allowsPublicAddresses() {
        assertThat(check(List.of(), "https://a93-184-216-34.test/docs/")).isEmpty();
        assertThat(check(List.of(), "http://[2606:4700::1111]/")).isEmpty();
    }

    @Test
    void allowsListedHostNamesAndBlocks() {
        assertThat(check(List.of("a10-0-0-1.test"), "http://a10-0-0-1.test/")).isEmpty();
        assertThat(check(List.of("10.0.0.0/8"), "http://a10-9-9-9.test/")).isEmpty();
        assertThat(check(List.of("127.0.0.1"), "http://127.0.0.1:8080/")).isEmpty();
        assertThat(check(List.of("10.0.0.0/8"), "http://a192-168-1-1.test/")).isPresent();
    }

    @Test
    void refusesOtherSchemesAndUnknownHosts() {
        assertThat(check(List.of(), "file:///etc/passwd")).hasValueSatisfying(r -> assertThat(r.reason()).isEqualTo(Reason.INVALID_URL));
        assertThat(check(List.of(), "gopher://a93-184-216-34.test/")).hasValueSatisfying(r -> assertThat(r.reason()).isEqualTo(Reason.INVALID_URL));
        assertThat(check(List.of(), "https://nowhere.invalid/")).hasValue(new UrlGuard.Refusal(Reason.NETWORK, "unknown host nowhere.invalid"));
    }
}
