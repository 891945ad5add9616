package org.offops.network.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InternalRangesTest {

    @ParameterizedTest
    @CsvSource({"127.0.0.1,true", "127.70.0.41,true", "::1,true", "10.1.0.113,true", "172.31.255.255,true",
            "172.32.0.1,false", "192.168.1.1,true", "8.8.8.8,false", "0.0.0.0,false", "::,false",
            "fd12::1,true", "2001:db8::1,false", "localhost,false", "'',false"})
    void classifiesAddresses(String address, boolean internal) {
        assertEquals(internal, InternalRanges.rfc1918().isInternal(address));
    }

    @Test
    void configuredRangeIsInternalAndOthersAreNot() {
        InternalRanges ranges = new InternalRanges(List.of("100.64.0.0/10"));
        assertEquals(true, ranges.isInternal("100.100.1.1"));
        assertEquals(false, ranges.isInternal("10.0.0.1"));
    }

    @Test
    void refusesARangeThatIsNotACidr() {
        assertThrows(IllegalArgumentException.class, () -> new InternalRanges(List.of("10.0.0.0")));
    }
}
