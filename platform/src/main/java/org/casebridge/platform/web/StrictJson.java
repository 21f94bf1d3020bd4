package org.casebridge.platform.web;

import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * How request bodies are read: strictly. A body means exactly what it says or it is refused with a 400 problem,
 * so nothing a client did not quite mean gets stored.
 * <ul>
 * <li>a property given twice ({@code {"title":"a","title":"b"}}) is refused, not "last one wins";</li>
 * <li>a property the request type does not have is refused, naming it (a misspelt {@code "titel"} is not ignored);</li>
 * <li>no scalar coercion: a number or boolean where a string belongs, a string where a number or boolean belongs, a
 * fraction where a whole number belongs, a number where an enum belongs are all refused (enums and dates are still
 * read from their string forms);</li>
 * <li>every string value (in records, lists, maps) is refused if it carries a control character other than tab,
 * line feed and carriage return (C0, DEL, C1), or a bidirectional embedding, override or isolate (U+202A–U+202E,
 * U+2066–U+2069), which can make a name display as something it is not.</li>
 * </ul>
 * Only the server's reading of request bodies is strict: events from Kafka and answers from other services are read
 * by the ordinary, tolerant mapper, so a producer adding a field never breaks a consumer.
 */
public final class StrictJson {

    private StrictJson() {
    }

    /** The application's mapper with the strict reading rules added; writing is unchanged. */
    public static JsonMapper strict(JsonMapper base) {
        SimpleModule strings = new SimpleModule("casebridge-strict-strings");
        strings.addDeserializer(String.class, new CleanStringDeserializer());
        return base.rebuild()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .withCoercionConfig(LogicalType.Textual, c -> c
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, c -> c
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Integer, c -> c
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Float, c -> c
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .addModule(strings)
                .build();
    }

    /** The first character no request string may contain, or -1 if it is clean. */
    public static int firstUnsafeCharacter(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (isUnsafe(c)) {
                return c;
            }
        }
        return -1;
    }

    static boolean isUnsafe(char c) {
        if (c < 0x20) {
            return c != '\t' && c != '\n' && c != '\r';
        }
        return (c >= 0x7F && c <= 0x9F) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }

    static boolean isBidiControl(int c) {
        return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }

    /** A string value carrying a character no request may store; the path names the field. */
    public static final class UnsafeCharacterException extends InvalidFormatException {
        private final int character;

        UnsafeCharacterException(JsonParser p, String value, int character) {
            super(p, "String value contains the character " + codePoint(character) + ", which is not allowed", value,
                    String.class);
            this.character = character;
        }

        /** What the field error says, without echoing the value. */
        public String problem() {
            return isBidiControl(character)
                    ? "must not contain bidirectional override or isolate characters (found " + codePoint(character) + ")"
                    : "must not contain control characters other than tab and line breaks (found " + codePoint(character) + ")";
        }

        private static String codePoint(int c) {
            return String.format("U+%04X", c);
        }
    }

    /** Jackson's own String deserializer (coercion rules included), then the character rule. */
    static final class CleanStringDeserializer extends StringDeserializer {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            String value = super.deserialize(p, ctxt);
            if (value != null) {
                int bad = firstUnsafeCharacter(value);
                if (bad >= 0) {
                    throw new UnsafeCharacterException(p, value, bad);
                }
            }
            return value;
        }
    }
}
