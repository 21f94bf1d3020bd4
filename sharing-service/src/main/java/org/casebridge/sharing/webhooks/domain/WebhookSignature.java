package org.casebridge.sharing.webhooks.domain;

import java.nio.charset.StandardCharsets;

import org.apache.commons.codec.digest.HmacAlgorithms;
import org.apache.commons.codec.digest.HmacUtils;

/**
 * How a partner checks a webhook came from CaseBridge and was not replayed from long ago: HMAC-SHA256 with the
 * subscription's secret over {@code <timestamp>.<body>}, sent as {@code X-CaseBridge-Signature: sha256=<hex>} with
 * {@code X-CaseBridge-Timestamp: <epoch seconds>}.
 */
public final class WebhookSignature {

    public static final String SIGNATURE_HEADER = "X-CaseBridge-Signature";
    public static final String TIMESTAMP_HEADER = "X-CaseBridge-Timestamp";

    private WebhookSignature() {
    }

    public static String sign(String secret, long epochSeconds, byte[] body) {
        byte[] signed = (epochSeconds + ".").getBytes(StandardCharsets.UTF_8);
        byte[] message = new byte[signed.length + body.length];
        System.arraycopy(signed, 0, message, 0, signed.length);
        System.arraycopy(body, 0, message, signed.length, body.length);
        return "sha256=" + new HmacUtils(HmacAlgorithms.HMAC_SHA_256, secret.getBytes(StandardCharsets.UTF_8)).hmacHex(message);
    }
}
