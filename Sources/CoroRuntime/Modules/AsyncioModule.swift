/// `asyncio`: written in Coro itself (`ModuleSources.asyncio*`, ported from CPython's
/// asyncio), over a few native helpers.
extension VM {
    func makeAsyncioModule() -> PyModule {
        let source = [ModuleSources.asyncioLoop, ModuleSources.asyncioFutures, ModuleSources.asyncioTasks,
                      ModuleSources.asyncioCombinators, ModuleSources.asyncioScopes, ModuleSources.asyncioSync,
                      ModuleSources.asyncioRunners].joined(separator: "\n\n")
        return makeSourceModule("asyncio", source) { dict in
            defineFunction(dict, "_format_exception") { vm, arguments throws(PyError) in
                guard let exception = try arguments.exactlyOne("_format_exception", vm).as(PyException.self) else {
                    throw vm.typeError("_format_exception() expects an exception")
                }
                return vm.str(vm.formatException(exception))
            }
            defineFunction(dict, "_format_coroutine") { vm, arguments throws(PyError) in
                let value = try arguments.exactlyOne("_format_coroutine", vm)
                guard value.object is PyGenerator else { return vm.str(try vm.repr(value)) }
                return vm.str(vm.describeCoroutine(value))
            }
            defineFunction(dict, "_install_core") { vm, _ throws(PyError) in try vm.installAsyncioCore(dict) }
            defineFunction(dict, "_start_thread") { vm, arguments throws(PyError) in
                // _start_thread(callable, args, key): runs callable(*args) on a thread.
                try arguments.expect("_start_thread", vm, min: 3, max: 3)
                try vm.startThread(ThreadCall(callable: arguments[0], arguments: try vm.collect(arguments[1]), key: arguments[2]))
                return .none
            }
            defineFunction(dict, "_thread_results") { vm, _ throws(PyError) in
                // [(future, succeeded, value)] for the calls finished and the network
                // outcomes arrived since the last time.
                let calls = vm.takeThreadResults().map { call in vm.tuple([call.key, .bool(!call.failed), call.outcome]) }
                return vm.list(calls + (try vm.networkArrivals()))
            }
            defineFunction(dict, "_wake_loop") { vm, _ throws(PyError) in
                // A thread handed the loop a callback: a loop waiting for threads wakes.
                vm.interpreterLock.postEvent()
                return .none
            }
            defineFunction(dict, "_wait_for_threads") { vm, arguments throws(PyError) in
                vm.waitForThreads(try vm.floatValue(try arguments.exactlyOne("_wait_for_threads", vm)) ?? 0)
                return .none
            }
            defineFunction(dict, "_report_when_collected") { vm, arguments throws(PyError) in
                guard let type = try arguments.exactlyOne("_report_when_collected", vm).as(PyType.self) else {
                    throw vm.typeError("_report_when_collected() expects a class")
                }
                vm.collectionReports.append(type)
                return .none
            }
            defineFunction(dict, "_note_task") { vm, arguments throws(PyError) in
                // _note_task(exception, text): one more task on the exception's task chain.
                try arguments.expect("_note_task", vm, min: 2, max: 2)
                arguments[0].as(PyException.self)?.taskChain.append(try vm.strText(arguments[1]))
                return .none
            }
            defineFunction(dict, "_function_source") { vm, arguments throws(PyError) in
                // "file:line" where a script function was defined, looking through
                // `__wrapped__` and partial objects as CPython's inspect.unwrap does; None
                // for methods, builtins and asyncio's own code.
                var value = try arguments.exactlyOne("_function_source", vm)
                for _ in 0..<100 {
                    if let partial = value.as(PyBox.self), partial.kind == .partial {
                        value = partial.values[0]
                    } else if let wrapped = try vm.lookupAttribute(value, vm.intern("__wrapped__")) {
                        value = wrapped
                    } else {
                        break
                    }
                }
                guard let code = value.as(PyFunction.self)?.code.code, !code.source.name.hasPrefix("<") else { return .none }
                return vm.str("\(code.source.name):\(code.firstLine)")
            }
            defineFunction(dict, "_debug_enabled") { vm, _ throws(PyError) in .bool(vm.debugMode) }
            defineFunction(dict, "_is_coroutine_function") { vm, arguments throws(PyError) in
                let function = try arguments.exactlyOne("_is_coroutine_function", vm)
                return .bool(scriptFunction(function)?.code.flags.contains(.coroutine) ?? false)
            }
        }
    }
}

extension VM {
    /// `concurrent.futures` (and its package `concurrent`).
    func makeConcurrentFuturesModule() -> PyModule { makeSourceModule("concurrent.futures", ModuleSources.concurrentFutures) }

    /// `sleep`, `gather`, `create_task` and `run` without an import: asyncio's, which is
    /// imported the first time one of them is called; and `fetch`, from `_http`.
    func installAsyncBuiltins() {
        let origins = [("sleep", "asyncio"), ("gather", "asyncio"), ("create_task", "asyncio"), ("run", "asyncio"),
                       ("fetch", "_http")]
        for (name, module) in origins {
            defineBuiltin(name) { vm, arguments throws(PyError) in
                let function = try vm.getAttribute(Value(try vm.importModule(module)), vm.intern(name))
                return try vm.call(function, arguments.values, arguments.keywordNames)
            }
        }
    }
}

extension VM {
    /// CPython's coroutines._format_coroutine: "f() running at file:line" while it can
    /// still run, "f() done, defined at file:line" once finished.
    func describeCoroutine(_ value: Value) -> String {
        guard let coroutine = value.as(PyGenerator.self) else { return "?" }
        let code = coroutine.code.code
        let name = coroutine.qualifiedName + "()"
        switch coroutine.state {
        case .running:
            return "\(name) running"
        case .finished:
            return "\(name) done, defined at \(code.source.name):\(code.firstLine)"
        case .created, .suspended:
            let line = coroutine.state == .created ? code.firstLine : code.line(at: max(0, coroutine.ip - 1))
            return "\(name) running at \(code.source.name):\(line)"
        }
    }
}

/// The script function a value is, or a bound method wraps.
private func scriptFunction(_ value: Value) -> PyFunction? {
    (value.as(PyMethod.self)?.function ?? value).as(PyFunction.self)
}
