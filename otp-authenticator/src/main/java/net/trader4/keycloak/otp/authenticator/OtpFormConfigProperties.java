package net.trader4.keycloak.otp.authenticator;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import net.trader4.keycloak.otp.config.OtpConfigProperties;
import net.trader4.keycloak.otp.identifier.IdentifierType;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * The per-flow setting of the authenticator: which identifier kinds this flow offers. Everything
 * the API shares with the browser (code length, lifetime, tries, limits, channels, registration)
 * is a realm setting only, so the two never disagree.
 */
final class OtpFormConfigProperties {

    static final List<ProviderConfigProperty> ALL = ProviderConfigurationBuilder.create()
            .property()
                .name(OtpConfigProperties.ALLOWED_IDENTIFIER_TYPES)
                .label("Identifier kinds offered")
                .helpText("Kinds of identifier this flow accepts. None selected: the realm's "
                        + OtpConfigProperties.PREFIX + OtpConfigProperties.ALLOWED_IDENTIFIER_TYPES + ", or all kinds.")
                .type(ProviderConfigProperty.MULTIVALUED_LIST_TYPE)
                .options(identifierTypes())
                .add()
            .build();

    private OtpFormConfigProperties() {
    }

    private static List<String> identifierTypes() {
        return Arrays.stream(IdentifierType.values()).map(t -> t.name().toLowerCase(Locale.ROOT)).toList();
    }
}
