package org.casebridge.sharing.webhooks.domain;

import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Which addresses a partner's webhook may reach: public internet addresses only. Loopback, link-local (the cloud
 * metadata service at 169.254.169.254 among them), private and unique-local ranges, carrier-grade NAT (another cloud's
 * metadata at 100.100.100.200), multicast, unspecified and reserved addresses would let a partner's administrator make
 * CaseBridge call inside its own network.
 */
public final class PublicAddresses {

    private PublicAddresses() {
    }

    public static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address) {
            boolean uniqueLocal = (b[0] & 0xfe) == 0xfc; // fc00::/7, e.g. fd00:ec2::254
            boolean embedsIpv4 = isZero(b, 0, 10) && ((b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff || isZero(b, 10, 12));
            boolean nat64 = (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
            return !uniqueLocal && !embedsIpv4 && !nat64;
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return first != 0                                   // 0.0.0.0/8, "this network"
                && !(first == 100 && (second & 0xc0) == 64)  // 100.64.0.0/10, carrier-grade NAT
                && !(first == 192 && second == 0 && (b[2] & 0xff) == 0) // 192.0.0.0/24, e.g. 192.0.0.192
                && !(first == 198 && (second & 0xfe) == 18)  // 198.18.0.0/15, benchmarking
                && first < 240;                              // reserved and broadcast
    }

    private static boolean isZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
