package dev.groundwork.ingest.fetch;

import dev.groundwork.ingest.fetch.FetchFailure.Reason;
import java.net.IDN;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The SSRF guard: decides whether a URL may be connected to.
 *
 * <p>Only {@code http} and {@code https} are allowed. The host is resolved and refused when any of its addresses is
 * loopback, private (10/8, 172.16/12, 192.168/16, fc00::/7), link-local (169.254/16 including the cloud metadata
 * address 169.254.169.254, fe80::/10), multicast, unspecified (0.0.0.0/8, ::), broadcast or shared/CGNAT
 * (100.64/10); metadata host names such as {@code metadata.google.internal} are refused by name. A host whose name
 * or any resolved address matches {@code allowedPrivateHosts} (exact name, or CIDR) is allowed anyway.
 *
 * <p>The {@link Fetcher} checks every redirect hop, after URL rewriting, i.e. the URL actually connected to. The
 * HTTP client resolves the name again when it connects, so a DNS answer that changes in between (rebinding) is not
 * caught; resolving every address and refusing if any is bad narrows that window.
 *
 * <p>Thread-safe and immutable.
 */
public final class UrlGuard {

    /** Name resolution, injectable so tests need no DNS. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** A URL that must not be fetched, with the failure kind and the detail for {@link FetchFailure}. */
    record Refusal(Reason reason, String detail) {
    }

    private record Block(Cidr cidr, String category) {
    }

    private static final Set<String> METADATA_NAMES = Set.of("metadata.google.internal", "metadata.goog", "metadata",
            "instance-data", "instance-data.ec2.internal");

    private static final List<Block> BLOCKED = List.of(
            block("127.0.0.0/8", "loopback"), block("::1/128", "loopback"),
            block("10.0.0.0/8", "private"), block("172.16.0.0/12", "private"), block("192.168.0.0/16", "private"),
            block("fc00::/7", "private"), block("fec0::/10", "private"),
            block("169.254.169.254/32", "metadata"), block("fd00:ec2::254/128", "metadata"),
            block("169.254.0.0/16", "link-local"), block("fe80::/10", "link-local"),
            block("224.0.0.0/4", "multicast"), block("ff00::/8", "multicast"),
            block("0.0.0.0/8", "unspecified"), block("::/128", "unspecified"),
            block("255.255.255.255/32", "broadcast"), block("100.64.0.0/10", "shared"));

    private final Resolver resolver;
    private final Set<String> allowedNames;
    private final List<Cidr> allowedBlocks;

    /** A guard using the system resolver. */
    public UrlGuard(List<String> allowedPrivateHosts) {
        this(allowedPrivateHosts, InetAddress::getAllByName);
    }

    /** A guard with its own resolver (tests: make a name resolve to 10.0.0.1 without DNS). */
    public UrlGuard(List<String> allowedPrivateHosts, Resolver resolver) {
        this.resolver = resolver;
        List<String> names = new ArrayList<>();
        List<Cidr> blocks = new ArrayList<>();
        for (String entry : allowedPrivateHosts) {
            String e = entry.trim().toLowerCase(Locale.ROOT);
            String address = e.startsWith("[") && e.endsWith("]") ? e.substring(1, e.length() - 1) : e;
            if (Cidr.isIpLiteral(address.contains("/") ? address.substring(0, address.indexOf('/')) : address)) {
                blocks.add(Cidr.parse(address));
            } else {
                names.add(e);
            }
        }
        this.allowedNames = Set.copyOf(names);
        this.allowedBlocks = List.copyOf(blocks);
    }

    /** Empty when the URL may be connected to; otherwise why not. Never throws. */
    Optional<Refusal> check(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of(new Refusal(Reason.INVALID_URL, "scheme " + (scheme.isEmpty() ? "missing" : scheme)));
        }
        String host = host(uri);
        if (host == null || host.isEmpty()) {
            return Optional.of(new Refusal(Reason.INVALID_URL, "no host"));
        }
        if (allowedNames.contains(host)) {
            return Optional.empty();
        }
        if (METADATA_NAMES.contains(host)) {
            return Optional.of(new Refusal(Reason.REFUSED_ADDRESS, host + " (metadata)"));
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            return Optional.of(new Refusal(Reason.NETWORK, "unknown host " + host));
        } catch (RuntimeException e) {
            return Optional.of(new Refusal(Reason.NETWORK, "cannot resolve " + host));
        }
        if (addresses == null || addresses.length == 0) {
            return Optional.of(new Refusal(Reason.NETWORK, "unknown host " + host));
        }
        for (InetAddress address : addresses) {
            if (allowedBlocks.stream().anyMatch(b -> b.contains(address))) {
                continue;
            }
            Optional<String> category = category(address);
            if (category.isPresent()) {
                return Optional.of(new Refusal(Reason.REFUSED_ADDRESS,
                        address.getHostAddress() + " (" + category.get() + ")"));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> category(InetAddress address) {
        for (Block block : BLOCKED) {
            if (block.cidr().contains(address)) {
                return Optional.of(block.category());
            }
        }
        if (address.isLoopbackAddress()) {
            return Optional.of("loopback");
        }
        if (address.isAnyLocalAddress()) {
            return Optional.of("unspecified");
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of("link-local");
        }
        if (address.isSiteLocalAddress()) {
            return Optional.of("private");
        }
        if (address.isMulticastAddress()) {
            return Optional.of("multicast");
        }
        return Optional.empty();
    }

    private static String host(URI uri) {
        String host = uri.getHost();
        if (host == null) {
            return null;
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        try {
            return IDN.toASCII(host).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return host.toLowerCase(Locale.ROOT);
        }
    }

    private static Block block(String cidr, String category) {
        return new Block(Cidr.parse(cidr), category);
    }
}
