/// `asyncio`: written in Coro itself (`ModuleSources.asyncio*`, ported from CPython's
/// asyncio), over a few native helpers.
extension VM {
    func makeAsyncioModule() -> PyModule {
        let source = [ModuleSources.asyncioLoop, ModuleSources.asyncioTasks, ModuleSources.asyncioScopes,
                      ModuleSources.asyncioSync, ModuleSources.asyncioRunners].joined(separator: "\n\n")
        return makeSourceModule("asyncio", source) { dict in
            defineFunction(dict, "_format_exception") { vm, arguments throws(PyError) in
                guard let exception = try arguments.exactlyOne("_format_exception", vm).as(PyException.self) else {
                    throw vm.typeError("_format_exception() expects an exception")
                }
                return vm.str(vm.formatException(exception))
            }
            defineFunction(dict, "_is_coroutine_function") { vm, arguments throws(PyError) in
                let function = try arguments.exactlyOne("_is_coroutine_function", vm)
                let target = function.as(PyMethod.self)?.function ?? function
                return .bool(target.as(PyFunction.self)?.code.flags.contains(.coroutine) ?? false)
            }
        }
    }
}

extension VM {
    /// `concurrent.futures` (and its package `concurrent`).
    func makeConcurrentFuturesModule() -> PyModule { makeSourceModule("concurrent.futures", ModuleSources.concurrentFutures) }

    /// `sleep`, `gather`, `create_task` and `run` without an import: asyncio's, which is
    /// imported the first time one of them is called.
    func installAsyncBuiltins() {
        for name in ["sleep", "gather", "create_task", "run"] {
            defineBuiltin(name) { vm, arguments throws(PyError) in
                let function = try vm.getAttribute(Value(try vm.importModule("asyncio")), vm.intern(name))
                return try vm.call(function, arguments.values, arguments.keywordNames)
            }
        }
    }
}
