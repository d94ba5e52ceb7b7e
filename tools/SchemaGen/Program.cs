using KubeLint.SchemaGen;

// Regenerates schemas/ from the OpenAPI v3 documents:
//   dotnet run --project tools/SchemaGen -- [openapi-root] [schemas-dir]
// Defaults: ../shared/kubernetes/openapi and schemas/ relative to the repository root (the current directory).
var openApiRoot = args.Length > 0 ? args[0] : Path.Combine("..", "shared", "kubernetes", "openapi");
var outputDir = args.Length > 1 ? args[1] : "schemas";
Directory.CreateDirectory(outputDir);
foreach (var version in SchemaBundleGenerator.Versions)
{
    var text = SchemaBundleGenerator.Generate(Path.Combine(openApiRoot, version));
    var path = Path.Combine(outputDir, SchemaBundleGenerator.FileName(version));
    File.WriteAllText(path, text, SchemaBundleGenerator.TextEncoding);
    Console.WriteLine($"{path}: {text.Length:N0} characters");
}

return 0;
