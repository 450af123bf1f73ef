package org.synthos.service;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.OneofDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The wire and generated-code contract of a proto file as sorted text lines, and the changes
 * between two such listings that would break an existing client: a removed message, enum, service
 * or rpc; a field or enum value removed without reserving its number and name; a number given
 * another name, type, cardinality or oneof; a changed rpc signature; changed file options. Adding
 * anything is allowed.
 *
 * <p>Lines: {@code file PACKAGE OPTIONS}, {@code message NAME}, {@code field MESSAGE NUMBER NAME
 * TYPE LABEL [oneof=NAME]}, {@code reserved MESSAGE FROM TO} (inclusive), {@code reserved-name
 * MESSAGE NAME}, {@code enum NAME}, {@code value ENUM NUMBER NAME}, {@code service NAME}, {@code
 * rpc SERVICE.METHOD [stream ]INPUT -> [stream ]OUTPUT}.
 */
final class ProtoCompatibility {
  private ProtoCompatibility() {}

  static List<String> describe(FileDescriptor f) {
    List<String> out = new ArrayList<>();
    out.add(
        "file "
            + f.getPackage()
            + " java_package="
            + f.getOptions().getJavaPackage()
            + " java_multiple_files="
            + f.getOptions().getJavaMultipleFiles()
            + " java_outer_classname="
            + f.getOptions().getJavaOuterClassname());
    f.getMessageTypes().forEach(m -> message(m, out));
    f.getEnumTypes().forEach(e -> enumType(e, out));
    for (ServiceDescriptor s : f.getServices()) {
      out.add("service " + s.getFullName());
      for (MethodDescriptor m : s.getMethods()) {
        out.add(
            "rpc "
                + m.getFullName()
                + " "
                + (m.isClientStreaming() ? "stream " : "")
                + m.getInputType().getFullName()
                + " -> "
                + (m.isServerStreaming() ? "stream " : "")
                + m.getOutputType().getFullName());
      }
    }
    out.sort(null);
    return out;
  }

  private static void message(Descriptor m, List<String> out) {
    out.add("message " + m.getFullName());
    for (FieldDescriptor f : m.getFields()) {
      OneofDescriptor oneof = f.getRealContainingOneof();
      out.add(
          "field "
              + m.getFullName()
              + " "
              + f.getNumber()
              + " "
              + f.getName()
              + " "
              + type(f)
              + " "
              + (f.isRepeated()
                  ? "repeated"
                  : f.toProto().getProto3Optional() ? "optional" : "singular")
              + (oneof == null ? "" : " oneof=" + oneof.getName()));
    }
    DescriptorProto p = m.toProto();
    // Descriptor ranges are end-exclusive; the listing writes the last reserved number.
    p.getReservedRangeList()
        .forEach(
            r ->
                out.add(
                    "reserved " + m.getFullName() + " " + r.getStart() + " " + (r.getEnd() - 1)));
    p.getReservedNameList().forEach(n -> out.add("reserved-name " + m.getFullName() + " " + n));
    m.getNestedTypes().forEach(n -> message(n, out));
    m.getEnumTypes().forEach(e -> enumType(e, out));
  }

  private static String type(FieldDescriptor f) {
    return switch (f.getType()) {
      case MESSAGE -> "message:" + f.getMessageType().getFullName();
      case ENUM -> "enum:" + f.getEnumType().getFullName();
      default -> f.getType().name().toLowerCase(Locale.ROOT);
    };
  }

  private static void enumType(EnumDescriptor e, List<String> out) {
    out.add("enum " + e.getFullName());
    for (EnumValueDescriptor v : e.getValues()) {
      out.add("value " + e.getFullName() + " " + v.getNumber() + " " + v.getName());
    }
    EnumDescriptorProto p = e.toProto();
    // Enum ranges are end-inclusive already.
    p.getReservedRangeList()
        .forEach(
            r -> out.add("reserved " + e.getFullName() + " " + r.getStart() + " " + r.getEnd()));
    p.getReservedNameList().forEach(n -> out.add("reserved-name " + e.getFullName() + " " + n));
  }

  /** One listing parsed: what each kind of line says, keyed for comparison. */
  private static final class Model {
    String file = "";
    final Set<String> types = new HashSet<>();
    final Set<String> services = new HashSet<>();
    // "MESSAGE NUMBER" -> "NAME TYPE LABEL [oneof]"; enum values as "ENUM NUMBER" -> "NAME".
    final Map<String, String> members = new TreeMap<>();
    final Map<String, List<long[]>> reservedNumbers = new HashMap<>();
    final Set<String> reservedNames = new HashSet<>();
    final Map<String, String> rpcs = new TreeMap<>();

    Model(List<String> lines) {
      for (String line : lines) {
        String[] w = line.split(" ", 2);
        String rest = w.length > 1 ? w[1] : "";
        String[] r = rest.split(" ");
        switch (w[0]) {
          case "file" -> file = rest;
          case "message", "enum" -> types.add(w[0] + " " + rest);
          case "service" -> services.add(rest);
          case "field", "value" ->
              members.put(r[0] + " " + r[1], rest.substring(r[0].length() + r[1].length() + 2));
          case "reserved" ->
              reservedNumbers
                  .computeIfAbsent(r[0], k -> new ArrayList<>())
                  .add(new long[] {Long.parseLong(r[1]), Long.parseLong(r[2])});
          case "reserved-name" -> reservedNames.add(r[0] + " " + r[1]);
          case "rpc" -> rpcs.put(r[0], rest.substring(r[0].length() + 1));
          default -> throw new IllegalArgumentException("not a listing line: " + line);
        }
      }
    }

    boolean reserved(String owner, long number) {
      return reservedNumbers.getOrDefault(owner, List.of()).stream()
          .anyMatch(x -> number >= x[0] && number <= x[1]);
    }
  }

  /** Every change from {@code before} to {@code after} that breaks a client, one sentence each. */
  static List<String> breakingChanges(List<String> before, List<String> after) {
    Model was = new Model(before);
    Model now = new Model(after);
    List<String> out = new ArrayList<>();
    if (!was.file.equals(now.file)) {
      out.add("file package or options changed from '" + was.file + "' to '" + now.file + "'");
    }
    was.types.stream()
        .filter(t -> !now.types.contains(t))
        .sorted()
        .forEach(t -> out.add(t + " was removed"));
    was.services.stream()
        .filter(s -> !now.services.contains(s))
        .sorted()
        .forEach(s -> out.add("service " + s + " was removed"));
    was.members.forEach(
        (key, old) -> {
          String[] k = key.split(" ");
          String oldName = old.split(" ")[0];
          String current = now.members.get(key);
          if (current == null) {
            if (!now.reserved(k[0], Long.parseLong(k[1]))
                || !now.reservedNames.contains(k[0] + " " + oldName)) {
              out.add(
                  k[0]
                      + "."
                      + oldName
                      + " (number "
                      + k[1]
                      + ") was removed or renumbered without reserving its number and name");
            }
          } else if (!current.equals(old)) {
            out.add(k[0] + " number " + k[1] + " changed from '" + old + "' to '" + current + "'");
          }
        });
    was.rpcs.forEach(
        (name, sig) -> {
          String current = now.rpcs.get(name);
          if (current == null) {
            out.add("rpc " + name + " was removed");
          } else if (!current.equals(sig)) {
            out.add("rpc " + name + " changed from '" + sig + "' to '" + current + "'");
          }
        });
    return out;
  }
}
