package net.trader4.keycloak.admin.setup;

import java.util.EnumSet;
import java.util.Set;

import net.trader4.keycloak.otp.identifier.IdentifierType;
import org.junit.jupiter.api.Test;

import static net.trader4.keycloak.otp.identifier.IdentifierType.EMAIL;
import static net.trader4.keycloak.otp.identifier.IdentifierType.LANDLINE;
import static net.trader4.keycloak.otp.identifier.IdentifierType.MOBILE;
import static net.trader4.keycloak.otp.identifier.IdentifierType.WALLET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OfferedKindsTest {

    @Test
    void aRealmWithoutALimitOffersWhatItsChannelsReachAndWallets() {
        OfferedKinds offered = OfferedKinds.decide(null, EnumSet.of(EMAIL), true);
        assertEquals("email,wallet", offered.attributeValue());
    }

    @Test
    void phonesComeOnlyWithAReadyPhoneChannel() {
        assertEquals("email,mobile,landline,wallet",
                OfferedKinds.decide(null, EnumSet.of(EMAIL, MOBILE, LANDLINE), true).attributeValue());
        assertEquals("email", OfferedKinds.decide(null, EnumSet.of(EMAIL), false).attributeValue());
    }

    @Test
    void anAdminsNarrowerChoiceIsKeptWithinWhatWorks() {
        Set<IdentifierType> emailOnly = EnumSet.of(EMAIL);
        OfferedKinds offered = OfferedKinds.decide(emailOnly, EnumSet.of(EMAIL, MOBILE, LANDLINE), true);
        assertEquals(emailOnly, offered.kinds());
        assertTrue(offered.same(emailOnly));
    }

    @Test
    void kindsNoChannelReachesAreDropped() {
        OfferedKinds offered = OfferedKinds.decide(EnumSet.of(EMAIL, MOBILE, WALLET), EnumSet.of(EMAIL), true);
        assertEquals("email,wallet", offered.attributeValue());
    }

    @Test
    void aChoiceNothingCanServeFallsBackToWhatWorks() {
        OfferedKinds offered = OfferedKinds.decide(EnumSet.of(MOBILE), EnumSet.of(EMAIL), true);
        assertEquals("email,wallet", offered.attributeValue());
    }

    @Test
    void nothingToOfferIsRefusedAsAConflict() {
        SetupRefusal refusal = assertThrows(SetupRefusal.class, () -> OfferedKinds.decide(null, EnumSet.noneOf(IdentifierType.class), false));
        assertEquals(409, refusal.status().getStatusCode());
        assertTrue(refusal.getMessage().contains("SMTP"), refusal.getMessage());
    }
}
