package clustersearch.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract as third-party tools read it (issue 18): Redocly's and Spectral's linters pass
 * {@code /openapi.json} with every rule of their recommended sets on, no error and no warning; and
 * a TypeScript client generated from it by openapi-typescript compiles with {@code tsc --strict}.
 * The tools come from npm, installed by .ci/run into ~/.cache/cluster-search/lint (the tests
 * download nothing themselves).
 */
class ContractLintTest {
  static final Path TOOLS =
      Path.of(System.getProperty("user.home"), ".cache/cluster-search/lint/node_modules/.bin");

  @TempDir static Path dir;

  static Path spec() throws IOException {
    Path spec = dir.resolve("openapi.json");
    if (!Files.exists(spec)) {
      Files.writeString(spec, HttpApi.OPENAPI, StandardCharsets.UTF_8);
    }
    return spec;
  }

  static Path tool(String name) {
    Path tool = TOOLS.resolve(name);
    if (!Files.isExecutable(tool)) {
      System.out.println("CONTRACT CHECK SKIPPED: no " + tool + " (.ci/run installs it with npm)");
    }
    Assumptions.assumeTrue(Files.isExecutable(tool), "no " + name + ": .ci/run installs it");
    return tool;
  }

  static Path resource(String name) throws IOException {
    Path file = dir.resolve(name);
    try (var in = ContractLintTest.class.getResourceAsStream("/lint/" + name)) {
      Files.write(file, in.readAllBytes());
    }
    return file;
  }

  /** What a command printed, after it exited with {@code exit}. */
  static String run(int exit, List<String> command) throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().put("REDOCLY_TELEMETRY", "off");
    pb.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
    pb.environment().put("NO_COLOR", "1");
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as(output).isTrue();
    System.out.println(String.join(" ", command.subList(1, command.size())) + "\n" + output);
    assertThat(p.exitValue()).as(output).isEqualTo(exit);
    return output;
  }

  @Test
  void redoclyFindsNoErrorAndNoWarning() throws Exception {
    String output =
        run(
            0,
            List.of(
                tool("redocly").toString(),
                "lint",
                spec().toString(),
                "--config",
                resource("redocly.yaml").toString(),
                "--format",
                "stylish"));

    assertThat(output).contains("Woohoo! Your API description is valid.");
    assertThat(output).doesNotContainPattern("(?m)^\\s*\\d+:\\d+\\s+(error|warning)");
  }

  @Test
  void spectralFindsNoErrorAndNoWarning() throws Exception {
    String output =
        run(
            0,
            List.of(
                tool("spectral").toString(),
                "lint",
                spec().toString(),
                "--ruleset",
                resource("spectral.yaml").toString(),
                "--fail-severity",
                "warn"));

    assertThat(output).contains("No results with a severity of 'warn' or higher found!");
  }

  @Test
  void aTypeScriptClientGeneratedFromTheContractCompilesStrictly() throws Exception {
    Path types = dir.resolve("api.d.ts");
    run(
        0,
        List.of(tool("openapi-typescript").toString(), spec().toString(), "-o", types.toString()));
    List<String> lines = new ArrayList<>();
    lines.add("import type { paths, components } from './api';");
    lines.add("type Search = paths['/api/search']['get'];");
    lines.add("type SearchAnswer = Search['responses'][200]['content']['application/json'];");
    lines.add("type Query = NonNullable<Search['parameters']['query']>;");
    lines.add("type Cluster = components['schemas']['Cluster'];");
    lines.add("type ApiError = components['schemas']['Error'];");
    lines.add("export async function search(base: string, query: Query): Promise<SearchAnswer> {");
    lines.add("  const params = new URLSearchParams();");
    lines.add("  for (const [k, v] of Object.entries(query)) {");
    lines.add("    if (v !== undefined) params.append(k, String(v));");
    lines.add("  }");
    lines.add("  const res = await fetch(base + '/api/search?' + params);");
    lines.add("  if (!res.ok) throw new Error(((await res.json()) as ApiError).error.message);");
    lines.add("  return (await res.json()) as SearchAnswer;");
    lines.add("}");
    lines.add("export function names(answer: SearchAnswer): string[] {");
    lines.add("  return answer.hits.map((h) => h.name);");
    lines.add("}");
    lines.add("export function category(c: Cluster): string { return c.category ?? ''; }");
    Files.write(dir.resolve("client.ts"), lines, StandardCharsets.UTF_8);

    run(
        0,
        List.of(
            tool("tsc").toString(),
            "--strict",
            "--noEmit",
            "--target",
            "es2020",
            "--lib",
            "es2020,dom",
            "--module",
            "es2020",
            "--moduleResolution",
            "node",
            dir.resolve("client.ts").toString()));
  }
}
