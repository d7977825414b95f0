package net.trader4.keycloak.otp.authenticator;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import net.trader4.keycloak.common.settings.IntSetting;
import net.trader4.keycloak.otp.config.OtpConfigProperties;
import net.trader4.keycloak.otp.identifier.IdentifierType;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * The per-execution settings of the authenticator. Their names are the OTP engine's own
 * ({@link OtpConfigProperties}), so an execution overrides exactly the realm attribute
 * {@code trader4.otp.<name>} of the same name; left empty, the realm's value applies.
 */
final class OtpFormConfigProperties {

    static final List<ProviderConfigProperty> ALL = ProviderConfigurationBuilder.create()
            .property(number(OtpConfigProperties.CODE_LENGTH, "Code length"))
            .property(number(OtpConfigProperties.CODE_TTL_SECONDS, "Code lifetime (seconds)"))
            .property(number(OtpConfigProperties.MAX_ATTEMPTS, "Tries per code"))
            .property(number(OtpConfigProperties.RESEND_COOLDOWN_SECONDS, "Resend cooldown (seconds)"))
            .property()
                .name(OtpConfigProperties.ALLOWED_IDENTIFIER_TYPES)
                .label("Allowed identifier types")
                .helpText("Kinds of identifier accepted. None selected: the realm's trader4.otp.allowedIdentifierTypes, "
                        + "or all kinds.")
                .type(ProviderConfigProperty.MULTIVALUED_LIST_TYPE)
                .options(identifierTypes())
                .add()
            .property()
                .name(OtpConfigProperties.CHANNELS)
                .label("Delivery channels")
                .helpText("Channel ids in order of preference (email, sms, voice). Empty: the realm's "
                        + "trader4.otp.channels, or email, sms, voice.")
                .type(ProviderConfigProperty.MULTIVALUED_STRING_TYPE)
                .add()
            .property()
                .name(OtpConfigProperties.AUTO_REGISTER)
                .label("Auto-registration")
                .helpText("Create an account on the first successful sign-in of an unknown identifier. "
                        + "'inherit' uses the realm's trader4.otp.autoRegister (default false).")
                .type(ProviderConfigProperty.LIST_TYPE)
                .options(ExecutionSettings.INHERIT, "true", "false")
                .defaultValue(ExecutionSettings.INHERIT)
                .add()
            .build();

    private OtpFormConfigProperties() {
    }

    private static ProviderConfigProperty number(IntSetting setting, String label) {
        return setting.configProperty(label, OtpConfigProperties.PREFIX);
    }

    private static List<String> identifierTypes() {
        return Arrays.stream(IdentifierType.values()).map(t -> t.name().toLowerCase(Locale.ROOT)).toList();
    }
}
