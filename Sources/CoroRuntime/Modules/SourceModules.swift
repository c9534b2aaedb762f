import CoroCompiler
import CoroSyntax

/// Modules written in the language itself (compiled from the sources in
/// `ModuleSources`), with native helpers where speed matters.
extension VM {
    func makeSourceModule(_ name: String, _ source: String, natives: (PyDict) -> Void = { _ in }) -> PyModule {
        let module = newModule(name)
        natives(module.dict)
        modules.setString(intern(name), Value(module))
        do {
            let code = try Frontend.compile(SourceFile(name: "<\(name)>", text: source), allowsTopLevelAwait: false)
            _ = try runModuleCode(code, in: module)
        } catch {
            errorOutput.write("internal error: module \(name) failed to load\n")
        }
        return module
    }

    func makeFunctoolsModule() -> PyModule {
        makeSourceModule("functools", ModuleSources.functools) { dict in
            if let partial = types.box[.partial] { dict.setString(intern("partial"), Value(partial)) }
        }
    }

    func makeItertoolsModule() -> PyModule { makeSourceModule("itertools", ModuleSources.itertools) }
    func makeCollectionsModule() -> PyModule {
        makeSourceModule("collections", ModuleSources.collections) { dict in installDequeNatives(dict) }
    }
    func makeStringModule() -> PyModule { makeSourceModule("string", ModuleSources.string) }
    func makeOperatorModule() -> PyModule { makeSourceModule("operator", ModuleSources.operator) }

}

extension VM {
    func makeJSONModule() -> PyModule { makeSourceModule("json", ModuleSources.json) }
}
