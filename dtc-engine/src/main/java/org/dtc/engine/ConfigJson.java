package org.dtc.engine;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An {@link EngineConfig} as JSON values and back, group by group, each setting under its
 * record component's name: what manifests show and checkpoints keep. Read back, it is the same
 * configuration ({@code equals}), so a resume is checked against the settings themselves. Works
 * on the record components, so a setting added to a group is written and read without more code.
 */
public final class ConfigJson {
    private ConfigJson() {}

    /** Maps, lists, numbers, booleans and strings (enums by name) of the configuration. */
    public static Map<String, Object> toMap(EngineConfig config) {
        return recordToMap(config);
    }

    /** The configuration those values describe; a missing or mistyped setting is named. */
    public static EngineConfig fromMap(Map<?, ?> values) {
        return (EngineConfig) read(values, EngineConfig.class, "config");
    }

    /** One group (or the network's shape) alone, the same way. */
    static Map<String, Object> recordToMap(Record r) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            try {
                m.put(c.getName(), toValue(c.getAccessor().invoke(r)));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + c.getName() + " of " + r.getClass().getSimpleName(), e);
            }
        }
        return m;
    }

    /** A group read back from {@link #recordToMap}'s values. */
    static <T extends Record> T recordFromMap(Map<?, ?> values, Class<T> type, String path) {
        return type.cast(read(values, type, path));
    }

    private static Object toValue(Object v) {
        if (v instanceof Record r) {
            return recordToMap(r);
        }
        if (v instanceof Enum<?> e) {
            return e.name();
        }
        if (v instanceof Set<?> set) {
            return set.stream().map(ConfigJson::toValue).toList();
        }
        return v; // numbers, booleans, int[] (the Json writer takes them as they are)
    }

    private static Object read(Object value, Type type, String path) {
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        try {
            if (raw.isRecord()) {
                Map<?, ?> map = (Map<?, ?>) value;
                RecordComponent[] components = raw.getRecordComponents();
                Object[] args = new Object[components.length];
                Class<?>[] types = new Class<?>[components.length];
                for (int i = 0; i < components.length; i++) {
                    String name = components[i].getName();
                    if (!map.containsKey(name)) {
                        throw new IllegalArgumentException(path + "." + name + " is missing");
                    }
                    args[i] = read(map.get(name), components[i].getGenericType(), path + "." + name);
                    types[i] = components[i].getType();
                }
                Constructor<?> canonical = raw.getDeclaredConstructor(types);
                return canonical.newInstance(args);
            }
            if (raw == int.class) {
                return Math.toIntExact((Long) value);
            }
            if (raw == long.class) {
                return (Long) value;
            }
            if (raw == double.class) {
                return ((Number) value).doubleValue();
            }
            if (raw == boolean.class) {
                return (Boolean) value;
            }
            if (raw == int[].class) {
                List<?> list = (List<?>) value;
                int[] a = new int[list.size()];
                for (int i = 0; i < a.length; i++) {
                    a[i] = Math.toIntExact((Long) list.get(i));
                }
                return a;
            }
            if (raw.isEnum()) {
                return enumNamed(raw, (String) value);
            }
            if (raw == Set.class) {
                Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
                return readEnumSet((Class<?>) element, (List<?>) value);
            }
        } catch (ClassCastException | ArithmeticException | NullPointerException e) {
            throw new IllegalArgumentException(path + " has an unexpected value: " + value);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException(path + ": " + e.getCause().getMessage());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + raw.getSimpleName(), e);
        }
        throw new IllegalStateException(path + ": no JSON form for " + raw.getSimpleName());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumNamed(Class<?> type, String name) {
        try {
            return Enum.valueOf((Class) type, name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + name + "' is not a " + type.getSimpleName());
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Set<?> readEnumSet(Class<?> element, List<?> names) {
        EnumSet set = EnumSet.noneOf((Class) element);
        List<Object> values = new ArrayList<>();
        for (Object n : names) {
            values.add(enumNamed(element, (String) n));
        }
        set.addAll(values);
        return set;
    }
}
