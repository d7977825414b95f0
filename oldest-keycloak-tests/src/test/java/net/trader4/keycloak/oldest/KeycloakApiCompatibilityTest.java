package net.trader4.keycloak.oldest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Every class, method, constructor and field of Keycloak and of the libraries it provides (Micrometer,
 * Jackson, Jakarta, FreeMarker, ...) that the bundle's code refers to exists in the oldest supported
 * distribution, also on paths no integration test walks: a reference that does not would be a
 * {@link NoSuchMethodError} at some user's sign-in.
 */
class KeycloakApiCompatibilityTest {

    /** What the distribution provides and the bundle does not carry. */
    private static final List<String> PROVIDED = List.of("org/keycloak/", "io/micrometer/", "com/fasterxml/jackson/",
            "jakarta/", "freemarker/", "org/jboss/logging/", "org/bouncycastle/", "com/google/zxing/");

    @Test
    void everyKeycloakMemberTheBundleUsesExistsInTheOldestSupportedRelease() throws Exception {
        try (URLClassLoader oldest = new URLClassLoader(distributionJars(), null);
             JarFile bundle = new JarFile(System.getProperty("trader4.bundle.jar"))) {
            Set<String> missing = new TreeSet<>();
            int[] checked = {0};
            bundle.stream()
                    .filter(entry -> entry.getName().startsWith("net/trader4/keycloak/") && entry.getName().endsWith(".class"))
                    .forEach(entry -> {
                        try (InputStream in = bundle.getInputStream(entry)) {
                            new ClassReader(in).accept(new References(reference -> {
                                checked[0]++;
                                if (!reference.existsIn(oldest)) {
                                    missing.add(reference + " (used in " + entry.getName() + ")");
                                }
                            }), ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                    });
            assertTrue(checked[0] > 500, "the bundle's references were read: " + checked[0]);
            assertTrue(missing.isEmpty(), "not in Keycloak " + System.getProperty("trader4.oldest.keycloak") + ":\n"
                    + String.join("\n", missing));
        }
    }

    /** The distribution's jars, unpacked once under target/. */
    private static URL[] distributionJars() throws IOException {
        Path into = Path.of(System.getProperty("trader4.oldest.lib.dir"));
        List<URL> jars = new ArrayList<>();
        try (ZipFile distribution = new ZipFile(System.getProperty("trader4.oldest.distribution"))) {
            for (ZipEntry entry : distribution.stream().toList()) {
                if (entry.getName().contains("/lib/") && entry.getName().endsWith(".jar")) {
                    Path jar = into.resolve(entry.getName().replace('/', '_'));
                    if (!Files.exists(jar)) {
                        Files.createDirectories(into);
                        try (InputStream in = distribution.getInputStream(entry)) {
                            Files.copy(in, jar, StandardCopyOption.REPLACE_EXISTING);
                        }
                    }
                    jars.add(jar.toUri().toURL());
                }
            }
        }
        assertTrue(jars.size() > 100, "the distribution's libraries: " + jars.size());
        return jars.toArray(URL[]::new);
    }

    private static boolean provided(String internalName) {
        return PROVIDED.stream().anyMatch(internalName::startsWith);
    }

    /** One reference from our code to a Keycloak class or member. */
    record Reference(String kind, String owner, String name, String descriptor) {

        boolean existsIn(ClassLoader keycloak) {
            Class<?> type;
            try {
                type = Class.forName(owner.replace('/', '.'), false, keycloak);
            } catch (ClassNotFoundException | LinkageError e) {
                return false;
            }
            return switch (kind) {
                case "class" -> true;
                case "field" -> inHierarchy(type, k -> Arrays.stream(k.getDeclaredFields()).anyMatch(this::matches));
                default -> inHierarchy(type, k -> name.equals("<init>")
                        ? Arrays.stream(k.getDeclaredConstructors()).anyMatch(this::matches)
                        : Arrays.stream(k.getDeclaredMethods()).anyMatch(this::matches));
            };
        }

        private boolean matches(Field field) {
            return field.getName().equals(name) && Type.getDescriptor(field.getType()).equals(descriptor);
        }

        private boolean matches(Constructor<?> constructor) {
            return Type.getConstructorDescriptor(constructor).equals(descriptor);
        }

        private boolean matches(Method method) {
            return method.getName().equals(name) && Type.getMethodDescriptor(method).equals(descriptor);
        }

        private static boolean inHierarchy(Class<?> type, java.util.function.Predicate<Class<?>> declares) {
            Deque<Class<?>> todo = new ArrayDeque<>(List.of(type, Object.class));
            while (!todo.isEmpty()) {
                Class<?> next = todo.poll();
                if (declares.test(next)) {
                    return true;
                }
                if (next.getSuperclass() != null) {
                    todo.add(next.getSuperclass());
                }
                todo.addAll(List.of(next.getInterfaces()));
            }
            return false;
        }

        @Override
        public String toString() {
            return kind.equals("class") ? owner : owner + "." + name + descriptor;
        }
    }

    /** Collects the Keycloak references of one class: its supertypes, and what its code calls, reads and names. */
    private static final class References extends ClassVisitor {

        private final java.util.function.Consumer<Reference> sink;

        References(java.util.function.Consumer<Reference> sink) {
            super(Opcodes.ASM9);
            this.sink = sink;
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
            type(superName);
            for (String implemented : interfaces) {
                type(implemented);
            }
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
            return new MethodVisitor(Opcodes.ASM9) {
                @Override
                public void visitMethodInsn(int opcode, String owner, String member, String desc, boolean isInterface) {
                    if (provided(owner)) {
                        sink.accept(new Reference("method", owner, member, desc));
                    }
                }

                @Override
                public void visitFieldInsn(int opcode, String owner, String member, String desc) {
                    if (provided(owner)) {
                        sink.accept(new Reference("field", owner, member, desc));
                    }
                }

                @Override
                public void visitTypeInsn(int opcode, String type) {
                    type(type);
                }

                @Override
                public void visitLdcInsn(Object value) {
                    if (value instanceof Type constant && constant.getSort() == Type.OBJECT) {
                        type(constant.getInternalName());
                    }
                }
            };
        }

        private void type(String internalName) {
            if (internalName != null && provided(internalName)) {
                sink.accept(new Reference("class", internalName, null, null));
            }
        }
    }
}
