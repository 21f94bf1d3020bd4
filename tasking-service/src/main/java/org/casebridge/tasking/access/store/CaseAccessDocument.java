package org.casebridge.tasking.access.store;

import org.casebridge.platform.access.AccessList;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** sharing-service's latest decision on one case, as this service enforces it. */
@Document(MongoCaseAccess.COLLECTION)
class CaseAccessDocument {

    @Id
    String caseId;
    AccessList access;
}
