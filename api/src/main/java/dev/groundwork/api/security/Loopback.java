package dev.groundwork.api.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.springframework.core.env.Environment;

/** Single-user mode serves one learner without a login: it refuses to start unless it listens on loopback only. */
final class Loopback {

    private Loopback() {
    }

    static void require(Environment environment) {
        String address = environment.getProperty("server.address");
        if (!loopback(address)) {
            throw new IllegalStateException("groundwork.security.mode=single-user has no login, so it only listens"
                    + " on loopback: set server.address=127.0.0.1 (it is "
                    + (address == null || address.isBlank() ? "unset, i.e. every interface" : address)
                    + "), or use groundwork.security.mode=accounts.");
        }
    }

    static boolean loopback(String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException unknown) {
            return false;
        }
    }
}
