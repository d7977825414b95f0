package net.trader4.keycloak.qr.approval;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ApprovalLocaleTest {

    private static final List<String> SUPPORTED = List.of("en", "de", "fa", "pt-BR");

    @Test
    void takesTheFirstLanguageTheRealmSupports() {
        assertEquals("de", ApprovalLocale.bestMatch(SUPPORTED, "de"));
        assertEquals("fa", ApprovalLocale.bestMatch(SUPPORTED, "ja", "fa", "de"));
        assertEquals("de", ApprovalLocale.bestMatch(SUPPORTED, "de-CH"));
        assertEquals("pt-BR", ApprovalLocale.bestMatch(SUPPORTED, "pt"));
        assertEquals("pt-BR", ApprovalLocale.bestMatch(List.of("pt-PT", "pt-BR"), "pt-BR"));
    }

    @Test
    void takesNothingElse() {
        assertNull(ApprovalLocale.bestMatch(SUPPORTED, "ja"));
        assertNull(ApprovalLocale.bestMatch(SUPPORTED, "pt-PT"));
        assertNull(ApprovalLocale.bestMatch(SUPPORTED, (String) null));
        assertNull(ApprovalLocale.bestMatch(SUPPORTED, ""));
        assertNull(ApprovalLocale.bestMatch(SUPPORTED, "<script>"));
        assertNull(ApprovalLocale.bestMatch(SUPPORTED, "de\r\nSet-Cookie: x=y"));
        assertNull(ApprovalLocale.bestMatch(SUPPORTED, "${7*7}"));
    }
}
