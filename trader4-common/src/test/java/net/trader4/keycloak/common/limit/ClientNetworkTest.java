package net.trader4.keycloak.common.limit;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class ClientNetworkTest {

    @Test
    void anIpv4AddressIsItsOwnNetwork() {
        assertEquals("203.0.113.7", ClientNetwork.of("203.0.113.7"));
        assertNotEquals(ClientNetwork.of("203.0.113.7"), ClientNetwork.of("203.0.113.8"));
    }

    @Test
    void everyAddressOfAnIpv6Slash64CountsAsOne() {
        String one = ClientNetwork.of("2001:db8:1:2::1");
        assertEquals("2001:db8:1:2::/64", one);
        assertEquals(one, ClientNetwork.of("2001:0db8:0001:0002:ffff:eeee:dddd:cccc"));
        assertEquals(one, ClientNetwork.of("[2001:db8:1:2:abcd::9]"));
        assertNotEquals(one, ClientNetwork.of("2001:db8:1:3::1"), "the next /64 is another network");
    }

    @Test
    void anIpv4MappedIpv6AddressCountsAsTheIpv4Address() {
        assertEquals("198.51.100.4", ClientNetwork.of("::ffff:198.51.100.4"));
    }

    @Test
    void somethingThatIsNoAddressIsKeptAsItIsAndNeverLookedUp() {
        assertEquals("localhost", ClientNetwork.of("localhost"));
        assertEquals("", ClientNetwork.of(null));
        assertEquals("not an address", ClientNetwork.of(" not an address "));
    }
}
