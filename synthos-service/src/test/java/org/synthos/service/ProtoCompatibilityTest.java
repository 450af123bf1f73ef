package org.synthos.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumValueDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.MethodDescriptorProto;
import com.google.protobuf.DescriptorProtos.ServiceDescriptorProto;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.synthos.v1.ValidationProto;

/**
 * The compiled synthos.v1 proto against the committed baseline: nothing a client relies on may
 * change. Adding is allowed, and then the baseline must be regenerated (docs/service.md, "Keeping
 * the proto compatible"): run this test with {@code -Dsynthos.proto.updateBaseline=true}, which
 * rewrites the baseline only when no change breaks it.
 */
@Tag("unit")
class ProtoCompatibilityTest {
  static final Path BASELINE = Path.of("src/main/proto-baseline/synthos-v1.txt");

  @Test
  void theProtoKeepsEverythingTheBaselineHolds() throws IOException {
    List<String> current = ProtoCompatibility.describe(ValidationProto.getDescriptor());
    List<String> baseline = Files.readAllLines(BASELINE, StandardCharsets.UTF_8);
    List<String> breaking = ProtoCompatibility.breakingChanges(baseline, current);
    assertThat(breaking)
        .as("breaking changes to synthos/v1/validation.proto against %s", BASELINE)
        .isEmpty();
    if (Boolean.getBoolean("synthos.proto.updateBaseline")) {
      Files.write(BASELINE, current, StandardCharsets.UTF_8);
      return;
    }
    List<String> added = new ArrayList<>(current);
    added.removeAll(baseline);
    assertThat(added)
        .as(
            "additions missing from %s; record them with mvn -o -B test -pl synthos-service -am"
                + " -Dtest=ProtoCompatibilityTest -Dsurefire.failIfNoSpecifiedTests=false"
                + " -Dsynthos.proto.updateBaseline=true",
            BASELINE)
        .isEmpty();
  }

  /** A small file: message M {string a = 1; int64 b = 2;}, an enum and a service. */
  private static FileDescriptorProto.Builder file() {
    return FileDescriptorProto.newBuilder()
        .setName("t.proto")
        .setPackage("t")
        .setSyntax("proto3")
        .addMessageType(
            DescriptorProto.newBuilder()
                .setName("M")
                .addField(field("a", 1, FieldDescriptorProto.Type.TYPE_STRING))
                .addField(field("b", 2, FieldDescriptorProto.Type.TYPE_INT64)))
        .addEnumType(
            EnumDescriptorProto.newBuilder()
                .setName("E")
                .addValue(EnumValueDescriptorProto.newBuilder().setName("E_UNSET").setNumber(0))
                .addValue(EnumValueDescriptorProto.newBuilder().setName("E_ONE").setNumber(1)))
        .addService(
            ServiceDescriptorProto.newBuilder()
                .setName("S")
                .addMethod(
                    MethodDescriptorProto.newBuilder()
                        .setName("Call")
                        .setInputType(".t.M")
                        .setOutputType(".t.M")));
  }

  private static FieldDescriptorProto field(String name, int number, FieldDescriptorProto.Type t) {
    return FieldDescriptorProto.newBuilder()
        .setName(name)
        .setNumber(number)
        .setType(t)
        .setLabel(FieldDescriptorProto.Label.LABEL_OPTIONAL)
        .setJsonName(name)
        .build();
  }

  private static List<String> listing(FileDescriptorProto.Builder f)
      throws DescriptorValidationException {
    return ProtoCompatibility.describe(FileDescriptor.buildFrom(f.build(), new FileDescriptor[0]));
  }

  private static List<String> changes(UnaryOperator<FileDescriptorProto.Builder> edit)
      throws DescriptorValidationException {
    return ProtoCompatibility.breakingChanges(listing(file()), listing(edit.apply(file())));
  }

  @Test
  void aRenumberedFieldIsDetected() throws Exception {
    List<String> found =
        changes(
            f -> {
              f.getMessageTypeBuilder(0)
                  .setField(0, field("a", 3, FieldDescriptorProto.Type.TYPE_STRING));
              return f;
            });
    assertThat(found)
        .containsExactly(
            "t.M.a (number 1) was removed or renumbered without reserving its number and name");
  }

  @Test
  void aNumberReusedWithAnotherTypeOrNameIsDetected() throws Exception {
    List<String> retyped =
        changes(
            f -> {
              f.getMessageTypeBuilder(0)
                  .setField(1, field("b", 2, FieldDescriptorProto.Type.TYPE_STRING));
              return f;
            });
    assertThat(retyped)
        .containsExactly("t.M number 2 changed from 'b int64 singular' to 'b string singular'");
    List<String> renamed =
        changes(
            f -> {
              f.getMessageTypeBuilder(0)
                  .setField(1, field("c", 2, FieldDescriptorProto.Type.TYPE_INT64));
              return f;
            });
    assertThat(renamed).hasSize(1).allMatch(s -> s.contains("number 2 changed"));
  }

  @Test
  void removalsAreDetectedUnlessTheNumberAndNameAreReserved() throws Exception {
    List<String> removed =
        changes(
            f -> {
              f.getMessageTypeBuilder(0).removeField(1);
              f.getEnumTypeBuilder(0).removeValue(1);
              f.getServiceBuilder(0).removeMethod(0);
              return f;
            });
    assertThat(removed)
        .containsExactlyInAnyOrder(
            "t.M.b (number 2) was removed or renumbered without reserving its number and name",
            "t.E.E_ONE (number 1) was removed or renumbered without reserving its number and name",
            "rpc t.S.Call was removed");
    List<String> reserved =
        changes(
            f -> {
              f.getMessageTypeBuilder(0)
                  .removeField(1)
                  .addReservedRange(
                      DescriptorProto.ReservedRange.newBuilder().setStart(2).setEnd(3))
                  .addReservedName("b");
              return f;
            });
    assertThat(reserved).isEmpty();
  }

  @Test
  void additionsAreAllowed() throws Exception {
    List<String> found =
        changes(
            f -> {
              f.getMessageTypeBuilder(0)
                  .addField(field("d", 4, FieldDescriptorProto.Type.TYPE_BOOL));
              f.addMessageType(DescriptorProto.newBuilder().setName("N"));
              f.getServiceBuilder(0)
                  .addMethod(
                      MethodDescriptorProto.newBuilder()
                          .setName("Other")
                          .setInputType(".t.N")
                          .setOutputType(".t.M")
                          .setClientStreaming(true));
              return f;
            });
    assertThat(found).isEmpty();
  }

  @Test
  void aChangedRpcSignatureIsDetected() throws Exception {
    List<String> found =
        changes(
            f -> {
              f.getServiceBuilder(0).getMethodBuilder(0).setServerStreaming(true);
              return f;
            });
    assertThat(found)
        .containsExactly("rpc t.S.Call changed from 't.M -> t.M' to 't.M -> stream t.M'");
  }
}
