package net.trader4.keycloak.qr.request;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class LongPollSeatsTest {

    @Test
    void oneWaitingCheckPerToken() {
        LongPollSeats seats = new LongPollSeats(8);
        LongPollSeats.Seat first = seats.take("tr1", "10.0.0.1", 4);
        assertNotNull(first);
        assertNull(seats.take("tr1", "10.0.0.2", 4), "a second wait on the same token");
        first.close();
        assertNotNull(seats.take("tr1", "10.0.0.2", 4), "free again once the first ended");
    }

    @Test
    void aFewPerAddress() {
        LongPollSeats seats = new LongPollSeats(8);
        LongPollSeats.Seat a = seats.take("tr1", "10.0.0.1", 2);
        assertNotNull(a);
        assertNotNull(seats.take("tr2", "10.0.0.1", 2));
        assertNull(seats.take("tr3", "10.0.0.1", 2));
        assertNotNull(seats.take("tr3", "10.0.0.2", 2), "another address has its own");
        a.close();
        assertNotNull(seats.take("tr4", "10.0.0.1", 2));
    }

    @Test
    void aFixedNumberInAllAndRefusalsTakeNothing() {
        LongPollSeats seats = new LongPollSeats(3);
        for (int i = 0; i < 3; i++) {
            assertNotNull(seats.take("tr" + i, "10.0.0." + i, 4));
        }
        assertNull(seats.take("tr9", "10.0.0.9", 4));
        assertEquals(0, seats.free());

        LongPollSeats other = new LongPollSeats(3);
        LongPollSeats.Seat held = other.take("tr1", "10.0.0.1", 1);
        assertNull(other.take("tr1", "10.0.0.2", 1));
        assertNull(other.take("tr2", "10.0.0.1", 1));
        assertEquals(2, other.free(), "refused takes gave their seat back");
        held.close();
        assertEquals(3, other.free());
    }
}
