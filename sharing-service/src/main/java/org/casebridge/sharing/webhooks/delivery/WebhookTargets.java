package org.casebridge.sharing.webhooks.delivery;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.casebridge.platform.domain.DomainException;
import org.casebridge.sharing.webhooks.domain.PublicAddresses;
import org.springframework.stereotype.Component;

/**
 * Where webhooks may go: the name is resolved and every address must be public ({@link PublicAddresses}), when a
 * partner registers the URL and again on every call, by the resolver the HTTP client connects with, so a name that
 * later resolves inside the network (DNS rebinding) is refused too. The check and the HTTP client resolve through the
 * JVM's address cache ({@code networkaddress.cache.ttl}, 30 s), so the client connects to the addresses just checked. Hosts in {@code casebridge.webhooks.allowed-hosts}
 * skip the check: for local development and tests only.
 */
@Component
public class WebhookTargets {

    /** The name resolves to an address webhooks may not reach. */
    static class RefusedAddress extends UnknownHostException {
        RefusedAddress(String host) {
            super("webhook host " + host + " resolves to an address that is not public");
        }
    }

    private final Set<String> allowedHosts;
    WebhookTargets(WebhookSettings settings) {
        this.allowedHosts = settings.allowedHosts().stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }

    /** At registration: a 422 saying why, never which internal address the name led to. */
    public void requireReachable(URI url) {
        String host = url.getHost();
        if (allowed(host)) {
            return;
        }
        try {
            requireReachableNow(url);
        } catch (RefusedAddress refused) {
            throw DomainException.invalid("A webhook URL must lead to a public internet address; " + host + " does not.");
        } catch (UnknownHostException unknown) {
            throw DomainException.invalid("The webhook host " + host + " cannot be found.");
        }
    }

    /** Before each call: the name's addresses now, all public, or {@link RefusedAddress}. */
    void requireReachableNow(URI url) throws UnknownHostException {
        String host = url.getHost();
        if (allowed(host)) {
            return;
        }
        InetAddress[] addresses = InetAddress.getAllByName(bare(host));
        if (!Arrays.stream(addresses).allMatch(PublicAddresses::isPublic)) {
            throw new RefusedAddress(host);
        }
    }

    private boolean allowed(String host) {
        return host != null && (allowedHosts.contains(host.toLowerCase(Locale.ROOT))
                || allowedHosts.contains(bare(host).toLowerCase(Locale.ROOT)));
    }

    /** An IPv6 literal comes in brackets from a URI, without them from the HTTP client. */
    private static String bare(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
