/** The partnership directory as a service keeps it: a local copy fed by sharing-service's directory topic. */
package org.casebridge.platform.directory;
