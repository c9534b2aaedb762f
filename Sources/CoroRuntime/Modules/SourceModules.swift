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
            dict.setString(intern("partial"), Value(builtin("partial") { vm, arguments throws(PyError) in
                guard arguments.positionalCount >= 1 else { throw vm.typeError("type 'partial' takes at least one argument") }
                var function = arguments[0]
                var stored = Array(arguments.positional.dropFirst())
                let keywords = vm.newDict()
                if let inner = function.as(PyBox.self), inner.kind == .partial {
                    function = inner.values[0]
                    stored = (inner.values[1].as(PyTuple.self)?.items ?? []) + stored
                    if let innerKeywords = inner.values[2].as(PyDict.self) { try keywords.update(from: innerKeywords, vm: vm) }
                }
                for (offset, name) in arguments.keywordNames.enumerated() {
                    keywords.setString(name, arguments[arguments.positionalCount + offset])
                }
                return vm.box(.partial, [function, vm.tuple(stored), Value(keywords)])
            }))
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
