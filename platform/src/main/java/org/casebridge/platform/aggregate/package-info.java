/** The aggregate kit: how a change to one aggregate is expected, retried and written, the same in every service. */
package org.casebridge.platform.aggregate;
