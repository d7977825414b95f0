#!/usr/bin/env python3
"""Splits the CPU samples of a JFR recording from bench/run.sh --profile into a few categories
(first match wins, in the order below): what docs/benchmarks.md's analysis quotes.

    python3 bench/jfr_breakdown.py bench/out/jfr/verify.jfr
"""
import collections
import json
import re
import subprocess
import sys

CATEGORIES = [
    # What a login asks Keycloak to check on the account (VerifyUserProfile validates the profile,
    # looking the username and email up again): the password grant and verify both run it.
    ("Keycloak: required-action triggers (user-profile check)", r"evaluateRequiredActionTriggers"),
    ("trader4: last_connection write (ProfileView.recordConnection)", r"ProfileView\.recordConnection"),
    ("trader4: OTP check (challenge, tries, consume; loading the user, account checks)",
     r"OtpService\.(verify|signedIn)|AccountChecks"),
    ("trader4: second-factor check (the user's credentials)", r"SecondFactor\.needed"),
    ("jakarta.mail service lookups (FactoryFinder/ServiceLoader, Session.<init>)",
     r"FactoryFinder|ServiceLoader|Session\.<init>|Session\.loadProviders|Session\.loadAllResources"),
    ("Keycloak email: MIME building + SMTP conversation", r"jakarta/mail|angus|DefaultEmailSenderProvider"),
    ("Keycloak email: FreeMarker templates + theme messages",
     r"freemarker/core|freemarker/template|FreeMarkerEmailTemplateProvider|ThemeManager"),
    ("Keycloak: token signatures (JWS sign)", r"JWSBuilder\$EncodingBuilder\.sign"),
    ("Keycloak: user/client session create + persist",
     r"JpaChangesPerformer|JpaUserSessionPersisterProvider|PersistentUserSessionProvider|"
     r"UserSessionManager\.createUserSession|attachAuthenticationSession|PersistentSessionsChangelogBasedTransaction|"
     r"AuthenticationProcessor\.attachSession"),
    ("Keycloak: event store", r"JpaEventStoreProvider|EventBuilder\.(success|error|send)"),
    ("Keycloak: token building (mappers, scopes, user claims)", r"TokenManager|AccessTokenResponseBuilder"),
    ("Keycloak: authentication flow (user by username, password check)",
     r"AuthenticationProcessor\.authenticateOnly|DefaultAuthenticationFlow"),
    ("trader4: sign logic (limits, lookup, challenge)", r"OtpService\.sign|RateLimiter|UserLookup|OtpChallengeStore"),
    ("Keycloak: other commit / DB / cache", r"DefaultKeycloakTransactionManager\.commit|hibernate|org/h2/|infinispan"),
    ("trader4: request parsing, envelope, other", r"trader4"),
    ("Keycloak: other", r"org/keycloak"),
    ("HTTP / framework", r"vertx|netty|resteasy|quarkus"),
]


def main():
    path = sys.argv[1]
    raw = subprocess.run(["jfr", "print", "--json", "--stack-depth", "300", "--events", "jdk.ExecutionSample", path],
                         capture_output=True, text=True, check=True).stdout
    counts, total = collections.Counter(), 0
    for e in json.loads(raw)["recording"]["events"]:
        st = e["values"].get("stackTrace")
        if not st:
            continue
        stack = "\n".join(f"{f['method']['type']['name']}.{f['method']['name']}" for f in st["frames"])
        total += 1
        counts[next((label for label, pattern in CATEGORIES if re.search(pattern, stack)), "other")] += 1
    print(f"{total} samples in {path}")
    for label, c in counts.most_common():
        print(f"{100 * c / max(1, total):5.1f}%  {label}")


if __name__ == "__main__":
    main()
