package net.trader4.keycloak.admin.settings;

import java.util.List;

import net.trader4.keycloak.common.settings.CommonSettings;
import net.trader4.keycloak.common.settings.SettingsCatalogue;
import net.trader4.keycloak.otp.config.OtpConfigProperties;
import net.trader4.keycloak.qr.config.QrConfigProperties;
import net.trader4.keycloak.twilio.TwilioConfigProperties;

/** Every realm-level trader4 setting, gathered from the modules that read them. Per-client settings are not here. */
public final class Trader4Settings {

    public static final SettingsCatalogue CATALOGUE = new SettingsCatalogue(List.of(
            OtpConfigProperties.GROUP, QrConfigProperties.GROUP, TwilioConfigProperties.GROUP, CommonSettings.GROUP));

    private Trader4Settings() {
    }
}
