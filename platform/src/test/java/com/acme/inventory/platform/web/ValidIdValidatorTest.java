package com.acme.inventory.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class ValidIdValidatorTest {

    private static final Pattern CONTRACT = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private final ValidIdValidator validator = new ValidIdValidator();

    @Property(tries = 20_000)
    void acceptsExactlyTheContractsIds(@ForAll("ids") String id) {
        assertThat(validator.isValid(id, null))
                .as(id)
                .isEqualTo(CONTRACT.matcher(id).matches());
    }

    @Test
    void knowsTheEdges() {
        assertThat(validator.isValid(null, null))
                .as("null is @NotNull's business")
                .isTrue();
        assertThat(validator.isValid("", null)).isFalse();
        assertThat(validator.isValid(" ", null)).isFalse();
        assertThat(validator.isValid("b-1.v:2_x", null)).isTrue();
        assertThat(validator.isValid("a".repeat(64), null)).isTrue();
        assertThat(validator.isValid("a".repeat(65), null)).isFalse();
        assertThat(validator.isValid("p/1", null)).isFalse();
        assertThat(validator.isValid("caf\u00e9", null)).isFalse();
    }

    /** The allowed characters, their ASCII neighbours and some beyond, at lengths around the limit. */
    @Provide
    Arbitrary<String> ids() {
        return Arbitraries.strings()
                .withChars("azAZ09._:-/ @[`{\u00e9\u0000\u2028")
                .withCharRange('!', '~')
                .ofMinLength(0)
                .ofMaxLength(70);
    }
}
