#!/usr/bin/env python3
"""Generate the Keycloak realm that docker-compose imports (casebridge-realm.json).

The demo partnership is defined once, in
local-stack/src/main/resources/demo-partnership.json; this script turns it into
a Keycloak realm so the docker-compose stack has the same users, organisations,
teams and roles as local-stack. Re-run it after changing the demo partnership:

    python3 docker/keycloak/generate-realm.py

Every user gets the password "demo" (development only). A user's Keycloak id is
their username, so the token's `sub` is the username, as in local-stack.

Keycloak substitutes ${ENV_VAR} placeholders in realm files imported with
--import-realm; the integration client's secret is one, so it never lives in
git. Do not put any other "${" into this realm, or Keycloak will try to resolve
it as well.
"""

import json
import pathlib
import sys

REPO = pathlib.Path(__file__).resolve().parents[2]
SOURCE = REPO / "local-stack/src/main/resources/demo-partnership.json"
TARGET = REPO / "docker/keycloak/casebridge-realm.json"

REALM = "casebridge"
DEMO_PASSWORD = "demo"
WEB_ORIGIN = "http://localhost:8080"
ACCESS_TOKEN_LIFESPAN_SECONDS = 15 * 60
# every service refuses an access token whose aud lacks this (their casebridge.security.audience)
API_AUDIENCE = "casebridge-api"

ROLES = {
    "PRACTITIONER": "Opens and updates cases, links people and places, records actions, takes and sets tasks",
    "SUPERVISOR": "Allocates work and reviews risk in their organisation",
    "ORG_ADMIN": "Manages their organisation's users and teams",
    "PARTNERSHIP_ADMIN": "Signs organisations up to the information-sharing agreement and sets what each may share",
    "ANALYST": "Counts and trends across the partnership; no personal data",
    "INTEGRATION": "A partner system pushing records in and reading its own feed",
}

# The demo integration client stands for one partner's system (police
# command-and-control); its service account belongs to that organisation.
INTEGRATION_CLIENT_ID = "casebridge-integration"
INTEGRATION_SECRET_PLACEHOLDER = "${CASEBRIDGE_INTEGRATION_CLIENT_SECRET}"
INTEGRATION_ORG = "CLEVELAND_POLICE"

# Keycloak's built-in client scopes. They exist because this realm declares no
# `clientScopes` of its own (declaring any would stop Keycloak creating them,
# and `basic` is what puts `sub` in the access token).
DEFAULT_CLIENT_SCOPES = ["basic", "acr", "web-origins", "profile", "roles", "email"]
OPTIONAL_CLIENT_SCOPES = ["offline_access"]

TOKENS = {
    "access.token.claim": "true",
    "id.token.claim": "true",
    "userinfo.token.claim": "true",
    "introspection.token.claim": "true",
}


def attribute_mapper(attribute, multivalued):
    return {
        "name": attribute,
        "protocol": "openid-connect",
        "protocolMapper": "oidc-usermodel-attribute-mapper",
        "consentRequired": False,
        "config": {
            "user.attribute": attribute,
            "claim.name": attribute,
            "jsonType.label": "String",
            "multivalued": "true" if multivalued else "false",
            "aggregate.attrs": "false",
            **TOKENS,
        },
    }


def casebridge_mappers():
    """The claims every CaseBridge service reads: org, teams, roles, name; and the audience they check."""
    return [
        {
            "name": "casebridge-api audience",
            "protocol": "openid-connect",
            "protocolMapper": "oidc-audience-mapper",
            "consentRequired": False,
            "config": {
                "included.custom.audience": API_AUDIENCE,
                "access.token.claim": "true",
                "id.token.claim": "false",
                "introspection.token.claim": "true",
            },
        },
        attribute_mapper("org", multivalued=False),
        attribute_mapper("teams", multivalued=True),
        {
            "name": "roles",
            "protocol": "openid-connect",
            "protocolMapper": "oidc-usermodel-realm-role-mapper",
            "consentRequired": False,
            "config": {
                "claim.name": "roles",
                "jsonType.label": "String",
                "multivalued": "true",
                **TOKENS,
            },
        },
        {
            "name": "name",
            "protocol": "openid-connect",
            "protocolMapper": "oidc-full-name-mapper",
            "consentRequired": False,
            "config": dict(TOKENS),
        },
    ]


def split_name(full_name):
    """'PC Sam Adams' -> ('PC Sam', 'Adams'), so Keycloak's full name is the original."""
    parts = full_name.split()
    if len(parts) == 1:
        return parts[0], ""
    return " ".join(parts[:-1]), parts[-1]


def user(username, full_name, org, team, roles):
    for role in roles:
        if role not in ROLES:
            sys.exit(f"{username}: unknown role {role}")
    first, last = split_name(full_name)
    attributes = {"org": [org]}
    if team:
        attributes["teams"] = [team]
    return {
        "id": username,
        "username": username,
        "enabled": True,
        "emailVerified": False,
        "firstName": first,
        "lastName": last,
        "attributes": attributes,
        "credentials": [{"type": "password", "value": DEMO_PASSWORD, "temporary": False}],
        "realmRoles": list(roles),
        "requiredActions": [],
    }


def users(partnership):
    result = []
    for org in partnership["organisations"]:
        team = org["team"]["code"] if org.get("team") else None
        for u in org["users"]:
            result.append(user(u["username"], u["name"], org["code"], team, u["roles"]))
    for admin in partnership["administrators"]:
        # Administrators act for the partnership, not for a team.
        result.append(user(admin["username"], admin["name"], admin["org"], None, admin["roles"]))

    service_account = user(
        "service-account-" + INTEGRATION_CLIENT_ID,
        "Cleveland Police Integration",
        INTEGRATION_ORG,
        None,
        ["INTEGRATION"],
    )
    # Keycloak user ids are at most 36 characters; the service account's
    # username is longer, so its id (the token's sub) is the client id.
    service_account["id"] = INTEGRATION_CLIENT_ID
    service_account["serviceAccountClientId"] = INTEGRATION_CLIENT_ID
    del service_account["credentials"]
    result.append(service_account)

    for u in result:
        if len(u["id"]) > 36:
            sys.exit(f"user id {u['id']!r} is longer than Keycloak's 36 characters")
    return result


def clients():
    web = {
        "clientId": "casebridge-web",
        "name": "CaseBridge web console",
        "description": "Practitioner console and command-line demo (public client, PKCE)",
        "enabled": True,
        "protocol": "openid-connect",
        "publicClient": True,
        "standardFlowEnabled": True,
        "implicitFlowEnabled": False,
        # Development only: lets `curl -d grant_type=password` fetch a demo token.
        "directAccessGrantsEnabled": True,
        "serviceAccountsEnabled": False,
        "frontchannelLogout": True,
        "fullScopeAllowed": True,
        "rootUrl": WEB_ORIGIN,
        "baseUrl": "/",
        "redirectUris": [WEB_ORIGIN + "/*"],
        "webOrigins": [WEB_ORIGIN],
        "attributes": {
            "pkce.code.challenge.method": "S256",
            "post.logout.redirect.uris": WEB_ORIGIN + "/*",
        },
        "defaultClientScopes": DEFAULT_CLIENT_SCOPES,
        "optionalClientScopes": OPTIONAL_CLIENT_SCOPES,
        "protocolMappers": casebridge_mappers(),
    }
    integration = {
        "clientId": INTEGRATION_CLIENT_ID,
        "name": "CaseBridge partner-system integration",
        "description": "Client-credentials client for a partner system (demo: "
        + INTEGRATION_ORG
        + "). Secret comes from the CASEBRIDGE_INTEGRATION_CLIENT_SECRET environment variable.",
        "enabled": True,
        "protocol": "openid-connect",
        "publicClient": False,
        "clientAuthenticatorType": "client-secret",
        "secret": INTEGRATION_SECRET_PLACEHOLDER,
        "standardFlowEnabled": False,
        "implicitFlowEnabled": False,
        "directAccessGrantsEnabled": False,
        "serviceAccountsEnabled": True,
        "fullScopeAllowed": True,
        "attributes": {},
        "defaultClientScopes": DEFAULT_CLIENT_SCOPES,
        "optionalClientScopes": OPTIONAL_CLIENT_SCOPES,
        "protocolMappers": casebridge_mappers(),
    }
    return [web, integration]


def user_profile():
    """Declare org and teams, so Keycloak keeps them and only administrators edit them.

    Since Keycloak 24 undeclared ("unmanaged") attributes are hidden and dropped on
    edit; declaring them also stops users changing their own organisation from the
    account console. Email, first and last name are optional: the demo users have
    no e-mail, and a required one would block the password grant until set.
    """
    everyone_views_admin_edits = {"view": ["admin", "user"], "edit": ["admin"]}
    everyone_edits = {"view": ["admin", "user"], "edit": ["admin", "user"]}
    config = {
        "attributes": [
            {
                "name": "username",
                "displayName": "Username",
                "validations": {
                    "length": {"min": 3, "max": 255},
                    "username-prohibited-characters": {},
                    "up-username-not-idn-homograph": {},
                },
                "permissions": everyone_views_admin_edits,
                "multivalued": False,
            },
            {
                "name": "email",
                "displayName": "Email",
                "validations": {"email": {}, "length": {"max": 255}},
                "permissions": everyone_edits,
                "multivalued": False,
            },
            {
                "name": "firstName",
                "displayName": "First name",
                "validations": {"length": {"max": 255}, "person-name-prohibited-characters": {}},
                "permissions": everyone_edits,
                "multivalued": False,
            },
            {
                "name": "lastName",
                "displayName": "Last name",
                "validations": {"length": {"max": 255}, "person-name-prohibited-characters": {}},
                "permissions": everyone_edits,
                "multivalued": False,
            },
            {
                "name": "org",
                "displayName": "Organisation code",
                "validations": {"length": {"min": 1, "max": 64}},
                "permissions": everyone_views_admin_edits,
                "multivalued": False,
                "group": "casebridge",
            },
            {
                "name": "teams",
                "displayName": "Team codes",
                "validations": {"length": {"min": 1, "max": 64}},
                "permissions": everyone_views_admin_edits,
                "multivalued": True,
                "group": "casebridge",
            },
        ],
        "groups": [
            {
                "name": "user-metadata",
                "displayHeader": "User metadata",
                "displayDescription": "Attributes, which refer to user metadata",
            },
            {
                "name": "casebridge",
                "displayHeader": "CaseBridge",
                "displayDescription": "Organisation and teams; set by an administrator",
            },
        ],
    }
    return {
        "org.keycloak.userprofile.UserProfileProvider": [
            {
                "providerId": "declarative-user-profile",
                "subComponents": {},
                "config": {"kc.user.profile.config": [json.dumps(config, separators=(",", ":"))]},
            }
        ]
    }


def realm(partnership):
    return {
        "realm": REALM,
        "displayName": "CaseBridge - " + partnership["partnership"],
        "enabled": True,
        "sslRequired": "external",
        "registrationAllowed": False,
        "loginWithEmailAllowed": False,
        "duplicateEmailsAllowed": False,
        "resetPasswordAllowed": False,
        "editUsernameAllowed": False,
        "rememberMe": False,
        "verifyEmail": False,
        "bruteForceProtected": True,
        "accessTokenLifespan": ACCESS_TOKEN_LIFESPAN_SECONDS,
        "ssoSessionIdleTimeout": 1800,
        "ssoSessionMaxLifespan": 36000,
        "roles": {
            "realm": [
                {"name": name, "description": description, "composite": False, "clientRole": False}
                for name, description in ROLES.items()
            ]
        },
        "users": users(partnership),
        "clients": clients(),
        "components": user_profile(),
    }


def main():
    partnership = json.loads(SOURCE.read_text(encoding="utf-8"))
    text = json.dumps(realm(partnership), indent=2, ensure_ascii=False) + "\n"
    if text.count("${") != 1:
        sys.exit("only the integration secret may be a ${...} placeholder")
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET.relative_to(REPO)}")


if __name__ == "__main__":
    main()
