package org.dtc.data;

/** The element types the IDX format defines, by their code in byte 2 of the magic number. */
public enum IdxType {
    UNSIGNED_BYTE(0x08, 1),
    SIGNED_BYTE(0x09, 1),
    SHORT(0x0B, 2),
    INT(0x0C, 4),
    FLOAT(0x0D, 4),
    DOUBLE(0x0E, 8);

    private final int code;
    private final int bytes;

    IdxType(int code, int bytes) {
        this.code = code;
        this.bytes = bytes;
    }

    /** Size of one element in bytes. */
    public int bytes() {
        return bytes;
    }

    /** The type with this code, or null. */
    static IdxType of(int code) {
        for (IdxType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        return null;
    }

    static String known() {
        StringBuilder s = new StringBuilder();
        for (IdxType t : values()) {
            s.append(s.isEmpty() ? "" : ", ").append(String.format("0x%02X %s", t.code, t.name().toLowerCase()));
        }
        return s.toString();
    }
}
