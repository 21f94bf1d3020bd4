package org.casebridge.sharing.webhooks.store;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.casebridge.sharing.webhooks.domain.WebhooksNotSetUp;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Webhook signing secrets are kept encrypted (AES-256-GCM, a fresh 96-bit nonce each, the subscription id as
 * associated data so a sealed secret cannot be moved to another subscription) under the key in
 * {@code casebridge.webhooks.secret-key} (base64 of 32 bytes, from the environment; there is no default). Without it
 * webhooks cannot be set up or sent, and the rest of the service runs.
 */
@Component
public class WebhookSecrets {

    private static final String SEALED = "aesgcm:";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    WebhookSecrets(@Value("${casebridge.webhooks.secret-key:}") String secretKey) {
        if (!StringUtils.hasText(secretKey)) {
            this.key = null;
            return;
        }
        byte[] bytes = Base64.getDecoder().decode(secretKey.strip());
        if (bytes.length != 32) {
            throw new IllegalStateException("casebridge.webhooks.secret-key must be base64 of 32 bytes (AES-256), not "
                    + bytes.length);
        }
        this.key = new SecretKeySpec(bytes, "AES");
    }

    public String seal(String subscriptionId, String secret) {
        try {
            byte[] nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, subscriptionId, nonce);
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[nonce.length + sealed.length];
            System.arraycopy(nonce, 0, out, 0, nonce.length);
            System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
            return SEALED + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal a webhook secret", e);
        }
    }

    /** A secret stored before sealing began (plain hex) is read as it is, until it is rotated. */
    public String open(String subscriptionId, String stored) {
        if (!stored.startsWith(SEALED)) {
            return stored;
        }
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(SEALED.length()));
            byte[] nonce = java.util.Arrays.copyOfRange(in, 0, 12);
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, subscriptionId, nonce);
            return new String(cipher.doFinal(in, 12, in.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot open the secret of webhook " + subscriptionId
                    + " (was casebridge.webhooks.secret-key changed?)", e);
        }
    }

    private Cipher cipher(int mode, String subscriptionId, byte[] nonce) throws GeneralSecurityException {
        if (key == null) {
            throw new WebhooksNotSetUp();
        }
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(128, nonce));
        cipher.updateAAD(subscriptionId.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
