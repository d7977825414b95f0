package net.trader4.keycloak.admin.setup;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.keycloak.representations.userprofile.config.UPAttribute;
import org.keycloak.representations.userprofile.config.UPAttributePermissions;

/**
 * A user-profile attribute the API answers with or signs in by, as the demo realm declares it.
 * Keycloak 26 drops attributes its user profile does not declare, so each must be declared.
 * Identifiers ({@code mobile_number}, {@code phone_number}, {@code crypto_address}) and
 * {@code last_connection} are edited by admins only: a user who could type a number or a wallet
 * address into the account console would sign in with it without ever proving it is theirs.
 */
record ProfileAttribute(String name, String displayName, boolean adminEditOnly, boolean multivalued,
                        Map<String, Map<String, Object>> validations, Map<String, Object> annotations) {

    static final String ADMIN = "admin";
    static final String USER = "user";
    private static final String E164 = "^\\+[1-9][0-9]{6,14}$";
    private static final String E164_MESSAGE = "Use the international format, e.g. +447888872720.";

    static final List<ProfileAttribute> TRADER4 = List.of(
            userEdited("middle_name", "Middle name", Map.of("length", Map.of("max", 255),
                    "person-name-prohibited-characters", Map.of())),
            phone("mobile_number", "Mobile number"),
            phone("phone_number", "Phone number"),
            new ProfileAttribute("crypto_address", "Crypto wallet addresses", true, true,
                    Map.of("length", Map.of("max", 128)), Map.of()),
            userEdited("country", "Country (ISO 3166 code)", Map.of("pattern",
                    Map.of("pattern", "^[A-Z]{2,3}$", "error-message", "Use an ISO 3166 code such as GBR."))),
            userEdited("timezone", "Time zone (IANA)", Map.of("length", Map.of("max", 64))),
            userEdited("currency", "Currency (ISO 4217)", Map.of("pattern",
                    Map.of("pattern", "^[A-Z]{3}$", "error-message", "Use an ISO 4217 code such as EUR."))),
            userEdited("private", "Private profile", Map.of("options", Map.of("options", List.of("true", "false")))),
            userEdited("avatar", "Avatar URL", Map.of("uri", Map.of(), "length", Map.of("max", 2048))),
            new ProfileAttribute("last_connection", "Last sign-in", true, false, Map.of(), Map.of()));

    private static ProfileAttribute userEdited(String name, String displayName, Map<String, Map<String, Object>> validations) {
        return new ProfileAttribute(name, displayName, false, false, validations, Map.of());
    }

    private static ProfileAttribute phone(String name, String displayName) {
        return new ProfileAttribute(name, displayName, true, false,
                Map.of("pattern", Map.of("pattern", E164, "error-message", E164_MESSAGE)),
                Map.of("inputType", "html5-tel"));
    }

    Set<String> edit() {
        return adminEditOnly ? Set.of(ADMIN) : Set.of(ADMIN, USER);
    }

    UPAttribute declaration() {
        UPAttribute attribute = new UPAttribute(name, new UPAttributePermissions(Set.of(ADMIN, USER), edit()));
        attribute.setDisplayName(displayName);
        attribute.setMultivalued(multivalued);
        Map<String, Map<String, Object>> copied = new LinkedHashMap<>();
        validations.forEach((validator, config) -> copied.put(validator, new HashMap<>(config)));
        attribute.setValidations(copied);
        if (!annotations.isEmpty()) {
            attribute.setAnnotations(new HashMap<>(annotations));
        }
        return attribute;
    }

    /**
     * Fixes what would break sign-in or let users claim identifiers: admins must see the attribute,
     * identifiers must not be user-editable, wallets hold several addresses. Everything else of an
     * existing declaration (labels, validations, groups, user-editable fields an admin restricted)
     * is the admin's choice and stays.
     */
    Changes fix(UPAttribute existing) {
        Changes changes = new Changes();
        UPAttributePermissions permissions = existing.getPermissions() == null
                ? new UPAttributePermissions(Set.of(), Set.of()) : existing.getPermissions();
        Set<String> view = permissions.getView() == null ? Set.of() : permissions.getView();
        Set<String> edit = permissions.getEdit() == null ? Set.of() : permissions.getEdit();
        Set<String> wantedView = view;
        Set<String> wantedEdit = edit;
        if (!view.contains(ADMIN)) {
            wantedView = with(view, ADMIN);
            changes.add("admins may view it");
        }
        if (!edit.contains(ADMIN)) {
            wantedEdit = with(edit, ADMIN);
            changes.add("admins may edit it");
        }
        if (adminEditOnly && wantedEdit.contains(USER)) {
            wantedEdit = Set.of(ADMIN);
            changes.add("only admins may edit it");
        }
        if (!changes.none()) {
            existing.setPermissions(new UPAttributePermissions(wantedView, wantedEdit));
        }
        if (multivalued && !existing.isMultivalued()) {
            existing.setMultivalued(true);
            changes.add("multivalued");
        }
        return changes;
    }

    private static Set<String> with(Set<String> roles, String role) {
        Set<String> more = new java.util.HashSet<>(roles);
        more.add(role);
        return more;
    }
}
