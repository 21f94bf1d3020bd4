package org.casebridge.sharing.webhooks.domain;

/** No key to encrypt webhook secrets with is configured: webhooks are off on this deployment. */
public class WebhooksNotSetUp extends RuntimeException {

    public WebhooksNotSetUp() {
        super("No webhook secret key configured (casebridge.webhooks.secret-key, CASEBRIDGE_WEBHOOKS_SECRETKEY)");
    }
}
