package net.trader4.keycloak.otp.channel;

import java.util.Map;

import net.trader4.keycloak.otp.config.OtpConfig;
import net.trader4.keycloak.otp.identifier.IdentifierType;
import org.junit.jupiter.api.Test;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class DeliveryChannelSelectorTest {

    private final KeycloakSession session = mock(KeycloakSession.class);
    private final RealmModel realm = mock(RealmModel.class);

    private DeliveryChannel channel(String id, IdentifierType type) {
        DeliveryChannel channel = mock(DeliveryChannel.class);
        when(channel.supports(type)).thenReturn(true);
        when(session.getProvider(DeliveryChannel.class, id)).thenReturn(channel);
        return channel;
    }

    @Test
    void aKindIsReachedOnlyThroughAReadyChannelOfTheRealm() {
        OtpConfig config = OtpConfig.from(Map.of("channels", "email,sms")::get);
        when(channel("email", IdentifierType.EMAIL).isReady(realm)).thenReturn(true);
        when(channel("sms", IdentifierType.MOBILE).isReady(realm)).thenReturn(false);

        assertTrue(DeliveryChannelSelector.reaches(session, realm, config, IdentifierType.EMAIL));
        assertFalse(DeliveryChannelSelector.reaches(session, realm, config, IdentifierType.MOBILE), "not ready");
        assertFalse(DeliveryChannelSelector.reaches(session, realm, config, IdentifierType.LANDLINE), "no channel for it");
    }

    @Test
    void aChannelWithBrokenSettingsDoesNotReachAnyone() {
        OtpConfig config = OtpConfig.from(Map.of("channels", "sms")::get);
        when(channel("sms", IdentifierType.MOBILE).isReady(realm)).thenThrow(new IllegalArgumentException("half a set of credentials"));

        assertFalse(DeliveryChannelSelector.reaches(session, realm, config, IdentifierType.MOBILE));
    }

    @Test
    void theDevelopmentLogChannelReachesWhatItSupports() {
        OtpConfig config = OtpConfig.from(Map.of("channels", "email", "devLogChannel", "true")::get);
        channel(LogDeliveryChannelFactory.PROVIDER_ID, IdentifierType.MOBILE);

        assertTrue(DeliveryChannelSelector.reaches(session, realm, config, IdentifierType.MOBILE));
    }
}
