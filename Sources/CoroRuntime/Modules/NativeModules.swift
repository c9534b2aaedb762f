#if canImport(Glibc)
import Glibc
#endif

/// The modules implemented in Swift, made when first imported.
extension VM {
    func installNativeModules() {
        nativeModules["sys"] = { $0.makeSysModule() }
        nativeModules["time"] = { $0.makeTimeModule() }
        nativeModules["math"] = { $0.makeMathModule() }
        nativeModules["random"] = { $0.makeRandomModule() }
        nativeModules["functools"] = { $0.makeFunctoolsModule() }
        nativeModules["itertools"] = { $0.makeItertoolsModule() }
        nativeModules["collections"] = { $0.makeCollectionsModule() }
        nativeModules["json"] = { $0.makeJSONModule() }
        nativeModules["string"] = { $0.makeStringModule() }
        nativeModules["reprlib"] = { $0.makeSourceModule("reprlib", ModuleSources.reprlib) }
        nativeModules["operator"] = { $0.makeOperatorModule() }
        nativeModules["heapq"] = { $0.makeHeapqModule() }
        nativeModules["asyncio"] = { $0.makeAsyncioModule() }
        nativeModules["concurrent"] = { $0.newModule("concurrent") }
        nativeModules["concurrent.futures"] = { $0.makeConcurrentFuturesModule() }
        nativeModules["os"] = { $0.makeOSModule() }
        nativeModules["os.path"] = { $0.makeOSPathModule() }
        nativeModules["_http"] = { $0.makeHTTPModule() }
        nativeModules["aiohttp"] = { $0.makeSourceModule("aiohttp", ModuleSources.aiohttp) }
        nativeModules["requests"] = { $0.makeSourceModule("requests", ModuleSources.requests) }
        nativeModules["ssl"] = { $0.makeSourceModule("ssl", ModuleSources.ssl) }
        nativeModules["urllib"] = { $0.newModule("urllib") }
        nativeModules["urllib.parse"] = { $0.makeSourceModule("urllib.parse", ModuleSources.urllibParse) }
        nativeModules["builtins"] = { $0.builtinsModule }
    }

    /// A module from a name and a namespace filled by `fill`.
    func nativeModule(_ name: String, _ fill: (PyDict) -> Void) -> PyModule {
        let module = newModule(name)
        fill(module.dict)
        return module
    }

    private func makeSysModule() -> PyModule {
        nativeModule("sys") { dict in
            dict.setString(intern("argv"), list(argv.map { str($0) }))
            dict.setString(intern("modules"), Value(modules))
            dict.setString(intern("path"), list(searchPath.map { str($0) }))
            dict.setString(intern("maxsize"), .int(Int.max))
            dict.setString(intern("platform"), str("linux"))
            dict.setString(intern("byteorder"), str("little"))
            dict.setString(intern("version"), str("3.11.7 (coro 0.1.0)"))
            dict.setString(intern("version_info"), tuple([.int(3), .int(11), .int(7), str("final"), .int(0)]))
            dict.setString(intern("implementation"), str("coro"))
            let stdout = heap.register(PyFile(type: types.file, name: "<stdout>", mode: "w", sink: output, descriptor: -1))
            let stderr = heap.register(PyFile(type: types.file, name: "<stderr>", mode: "w", sink: errorOutput, descriptor: -1))
            dict.setString(intern("stdout"), Value(stdout))
            dict.setString(intern("stderr"), Value(stderr))
            dict.setString(intern("__stdout__"), Value(stdout))
            dict.setString(intern("__stderr__"), Value(stderr))
            defineFunction(dict, "exit") { vm, arguments throws(PyError) in
                try arguments.expect("exit", vm, min: 0, max: 1)
                throw PyError(exception: vm.newException(vm.types[exception: "SystemExit"], Array(arguments.positional)))
            }
            defineFunction(dict, "getrecursionlimit") { vm, _ throws(PyError) in .int(vm.recursionLimit) }
            defineFunction(dict, "setrecursionlimit") { vm, arguments throws(PyError) in
                let limit = try vm.index(try arguments.exactlyOne("setrecursionlimit", vm))
                if limit < 1 { throw vm.error("ValueError", "recursion limit must be greater or equal than 1") }
                vm.recursionLimit = min(limit, 200_000)
                return .none
            }
            defineFunction(dict, "exc_info") { vm, _ throws(PyError) in
                guard let exception = vm.currentException.as(PyException.self) else { return vm.tuple([.none, .none, .none]) }
                return vm.tuple([Value(exception.type), Value(exception), .none])
            }
            defineFunction(dict, "exception") { vm, _ throws(PyError) in vm.currentException }
            defineFunction(dict, "getsizeof") { vm, arguments throws(PyError) in .int(64 + 8 * ((try? vm.length(arguments[0])) ?? 0)) }
            defineFunction(dict, "intern") { _, arguments throws(PyError) in arguments[0] }
        }
    }

    private func makeTimeModule() -> PyModule {
        nativeModule("time") { dict in
            defineFunction(dict, "time") { vm, _ throws(PyError) in .float(vm.clock.wall()) }
            defineFunction(dict, "time_ns") { vm, _ throws(PyError) in .int(Int(vm.clock.wall() * 1e9)) }
            defineFunction(dict, "monotonic") { vm, _ throws(PyError) in .float(vm.clock.monotonic()) }
            defineFunction(dict, "perf_counter") { vm, _ throws(PyError) in .float(vm.clock.monotonic()) }
            defineFunction(dict, "perf_counter_ns") { vm, _ throws(PyError) in .int(Int(vm.clock.monotonic() * 1e9)) }
            defineFunction(dict, "process_time") { _, _ throws(PyError) in
                var spec = timespec()
                clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
                return .float(Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9)
            }
            defineFunction(dict, "sleep") { vm, arguments throws(PyError) in
                let seconds = try vm.floatValue(try arguments.exactlyOne("sleep", vm)) ?? 0
                if seconds < 0 { throw vm.error("ValueError", "sleep length must be non-negative") }
                vm.output.flush()
                try vm.sleep(seconds)
                return .none
            }
            defineFunction(dict, "strftime") { vm, arguments throws(PyError) in
                let format = try vm.strText(arguments[0])
                var now = time(nil)
                var parts = tm()
                localtime_r(&now, &parts)
                var buffer = [CChar](repeating: 0, count: 256)
                let count = strftime(&buffer, buffer.count, format, &parts)
                return vm.str(String(decoding: buffer.prefix(count).map { UInt8(bitPattern: $0) }, as: UTF8.self))
            }
        }
    }
}
