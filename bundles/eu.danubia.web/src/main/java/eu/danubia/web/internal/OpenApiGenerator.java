package eu.danubia.web.internal;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

/**
 * Builds an OpenAPI 3.0 document from Jakarta RS annotations by reflection: paths, operations,
 * path and query parameters, request bodies and response schemas of records, enums and lists.
 */
final class OpenApiGenerator {

    private static final Map<Class<?>, String> VERBS = Map.of(GET.class, "get", POST.class, "post", PUT.class, "put",
            DELETE.class, "delete", PATCH.class, "patch", HEAD.class, "head");

    private final String base;
    private final String version;
    private final Map<String, Object> schemas = new TreeMap<>();

    OpenApiGenerator(String base, String version) {
        this.base = base;
        this.version = version;
    }

    Map<String, Object> generate(Collection<Class<?>> resources) {
        Map<String, Object> paths = new TreeMap<>();
        List<Class<?>> sorted = new ArrayList<>(resources);
        sorted.sort(Comparator.comparing(Class::getName));
        for (Class<?> type : sorted) {
            Path classPath = type.getAnnotation(Path.class);
            if (classPath == null) {
                continue;
            }
            Method[] methods = type.getMethods();
            Arrays.sort(methods, Comparator.comparing(Method::getName));
            for (Method m : methods) {
                String verb = verb(m);
                if (verb == null) {
                    continue;
                }
                Path methodPath = m.getAnnotation(Path.class);
                String path = join(base, classPath.value(), methodPath == null ? "" : methodPath.value());
                @SuppressWarnings("unchecked")
                Map<String, Object> item = (Map<String, Object>) paths.computeIfAbsent(path, p -> new TreeMap<>());
                item.put(verb, operation(type, m, verb));
            }
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.0.3");
        doc.put("info", Map.of("title", "DanubIA API", "version", version,
                "description", "REST API of the modules installed on this DanubIA node. Errors are application/problem+json."));
        doc.put("paths", paths);
        Map<String, Object> components = new LinkedHashMap<>();
        components.put("schemas", schemas);
        components.put("securitySchemes", Map.of(
                "bearer", Map.of("type", "http", "scheme", "bearer"),
                "session", Map.of("type", "apiKey", "in", "cookie", "name", "DANUBIA_SESSION")));
        doc.put("components", components);
        return doc;
    }

    private static String verb(Method m) {
        for (var e : VERBS.entrySet()) {
            if (m.isAnnotationPresent(e.getKey().asSubclass(java.lang.annotation.Annotation.class))) {
                return e.getValue();
            }
        }
        return null;
    }

    private Map<String, Object> operation(Class<?> type, Method m, String verb) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("operationId", type.getSimpleName() + "." + m.getName());
        op.put("tags", List.of(type.getSimpleName().replace("Resource", "")));
        List<Map<String, Object>> params = new ArrayList<>();
        for (Parameter p : m.getParameters()) {
            if (p.isAnnotationPresent(Context.class) || p.isAnnotationPresent(BeanParam.class)
                    || p.isAnnotationPresent(CookieParam.class) || p.isAnnotationPresent(HeaderParam.class)) {
                continue;
            }
            PathParam pp = p.getAnnotation(PathParam.class);
            QueryParam qp = p.getAnnotation(QueryParam.class);
            if (pp != null || qp != null) {
                Map<String, Object> param = new LinkedHashMap<>();
                param.put("name", pp != null ? pp.value() : qp.value());
                param.put("in", pp != null ? "path" : "query");
                param.put("required", pp != null);
                param.put("schema", schema(p.getParameterizedType()));
                params.add(param);
            } else {
                op.put("requestBody", Map.of("required", true,
                        "content", Map.of("application/json", Map.of("schema", schema(p.getParameterizedType())))));
            }
        }
        if (!params.isEmpty()) {
            op.put("parameters", params);
        }
        Map<String, Object> responses = new LinkedHashMap<>();
        Type returns = m.getGenericReturnType();
        if (returns == void.class || returns == Void.class) {
            responses.put("204", Map.of("description", "Done"));
        } else if (returns == Response.class) {
            responses.put("default", Map.of("description", "See the operation"));
        } else {
            responses.put("post".equals(verb) ? "201" : "200", Map.of("description", "OK",
                    "content", Map.of("application/json", Map.of("schema", schema(returns)))));
        }
        responses.put("4XX", Map.of("description", "Client error",
                "content", Map.of("application/problem+json", Map.of("schema", problemSchema()))));
        op.put("responses", responses);
        return op;
    }

    private Map<String, Object> problemSchema() {
        return schema(Problem.class);
    }

    Map<String, Object> schema(Type type) {
        if (type instanceof ParameterizedType pt) {
            Class<?> raw = (Class<?>) pt.getRawType();
            if (Collection.class.isAssignableFrom(raw)) {
                return Map.of("type", "array", "items", schema(pt.getActualTypeArguments()[0]));
            }
            if (Map.class.isAssignableFrom(raw)) {
                return Map.of("type", "object", "additionalProperties", schema(pt.getActualTypeArguments()[1]));
            }
            if (raw.isRecord()) {
                // a generic record such as Page<Organisation>: inline, with the element type resolved
                return recordSchema(raw, pt.getActualTypeArguments());
            }
            return schema(raw);
        }
        if (!(type instanceof Class<?> c)) {
            return Map.of("type", "object");
        }
        if (c == String.class || c == char[].class) {
            return Map.of("type", "string");
        }
        if (c == UUID.class) {
            return Map.of("type", "string", "format", "uuid");
        }
        if (c == Instant.class) {
            return Map.of("type", "string", "format", "date-time");
        }
        if (c == LocalDate.class) {
            return Map.of("type", "string", "format", "date");
        }
        if (c == int.class || c == Integer.class || c == long.class || c == Long.class || c == short.class) {
            return Map.of("type", "integer");
        }
        if (c == double.class || c == Double.class || c == float.class || c == BigDecimal.class) {
            return Map.of("type", "number");
        }
        if (c == boolean.class || c == Boolean.class) {
            return Map.of("type", "boolean");
        }
        if (c.isEnum()) {
            return Map.of("type", "string", "enum", Arrays.stream(c.getEnumConstants()).map(Object::toString).toList());
        }
        if (c.isArray()) {
            return Map.of("type", "array", "items", schema(c.getComponentType()));
        }
        if (c.isRecord()) {
            String name = c.getSimpleName();
            if (!schemas.containsKey(name)) {
                schemas.put(name, Map.of("type", "object")); // placeholder stops recursion
                schemas.put(name, recordSchema(c, new Type[0]));
            }
            return Map.of("$ref", "#/components/schemas/" + name);
        }
        return Map.of("type", "object");
    }

    private Map<String, Object> recordSchema(Class<?> record, Type[] typeArguments) {
        Map<String, Object> props = new LinkedHashMap<>();
        var vars = record.getTypeParameters();
        for (RecordComponent rc : record.getRecordComponents()) {
            Type t = rc.getGenericType();
            t = resolve(t, vars, typeArguments);
            props.put(rc.getName(), schema(t));
        }
        return Map.of("type", "object", "properties", props);
    }

    private static Type resolve(Type t, java.lang.reflect.TypeVariable<?>[] vars, Type[] args) {
        if (args.length == 0) {
            return t;
        }
        if (t instanceof java.lang.reflect.TypeVariable<?> tv) {
            for (int i = 0; i < vars.length; i++) {
                if (vars[i].getName().equals(tv.getName())) {
                    return args[i];
                }
            }
        }
        if (t instanceof ParameterizedType pt && pt.getActualTypeArguments().length == 1
                && pt.getActualTypeArguments()[0] instanceof java.lang.reflect.TypeVariable<?>) {
            Type inner = resolve(pt.getActualTypeArguments()[0], vars, args);
            return new ParameterizedType() {
                @Override
                public Type[] getActualTypeArguments() {
                    return new Type[] {inner};
                }

                @Override
                public Type getRawType() {
                    return pt.getRawType();
                }

                @Override
                public Type getOwnerType() {
                    return null;
                }
            };
        }
        return t;
    }

    private static String join(String... parts) {
        StringBuilder sb = new StringBuilder();
        for (String p : parts) {
            String trimmed = p.replaceAll("^/+|/+$", "");
            if (!trimmed.isEmpty()) {
                sb.append('/').append(trimmed);
            }
        }
        // path templates may carry regular expressions: {id: [0-9]+} -> {id}
        String path = sb.toString().replaceAll("\\{\\s*([\\w.-]+)\\s*:[^}]*}", "{$1}");
        return path.isEmpty() ? "/" : path;
    }
}
