import CoroCompiler
import CoroSyntax

#if canImport(Glibc)
import Glibc
#endif

/// `import`: native modules (sys, math, json...) and `.coro`/`.py` files in the
/// script's folder, each run once and cached in `sys.modules`.
extension VM {
    func importOperation(_ word: UInt32, frame: Frame, sp: inout UnsafeMutablePointer<Value>) throws(PyError) {
        let name = frame.code.names[Int(word >> 8)]
        switch Opcode(rawValue: UInt8(truncatingIfNeeded: word)) ?? .nop {
        case .importName:
            let fromList = sp[-1]
            let module = try importModule(name.value)
            if fromList.isNone, let top = name.value.split(separator: ".").first, top.count != name.value.count {
                sp[-1] = Value(try importModule(String(top)))
            } else {
                sp[-1] = Value(module)
            }
        case .importFrom:
            let module = sp[-1]
            do throws(PyError) {
                sp.pointee = try getAttribute(module, name)
            } catch {
                if let parent = module.as(PyModule.self), let submodule = try? importModule(parent.name + "." + name.value) {
                    sp.pointee = Value(submodule)
                } else {
                    let moduleName = module.as(PyModule.self)?.name ?? "?"
                    throw self.error("ImportError", "cannot import name '\(name.value)' from '\(moduleName)' (unknown location)")
                }
            }
            sp += 1
        default:
            sp -= 1
            guard let module = sp.pointee.as(PyModule.self) else { return }
            let target = frame.namespace?.takeUnretainedValue() ?? frame.globals
            let exported = module.dict.lookupString(names.all).flatMap { try? collect($0) }
            for entry in module.dict.liveEntries {
                guard let key = entry.key.as(PyStr.self) else { continue }
                if let exported {
                    guard exported.contains(where: { $0.as(PyStr.self)?.value == key.value }) else { continue }
                } else if key.value.hasPrefix("_") {
                    continue
                }
                target.setString(intern(key.value), entry.value)
            }
        }
    }

    /// Finds, runs (once) and returns the module `name`.
    func importModule(_ name: String) throws(PyError) -> PyModule {
        if let cached = modules.lookupString(intern(name))?.as(PyModule.self) { return cached }
        if let maker = nativeModules[name] {
            let module = maker(self)
            modules.setString(intern(name), Value(module))
            if let dot = name.lastIndex(of: ".") {
                // A submodule is also an attribute of its package.
                let package = try importModule(String(name[..<dot]))
                package.dict.setString(intern(String(name[name.index(after: dot)...])), Value(module))
            }
            return module
        }
        for folder in searchPath {
            for suffix in [".coro", ".py"] {
                let path = (folder.isEmpty ? "" : folder + "/") + name.replacingDots() + suffix
                guard let bytes = readFile(path) else { continue }
                return try runModule(name: name, path: path, bytes: bytes)
            }
        }
        throw PyError(exception: newException(types[exception: "ModuleNotFoundError"], [str("No module named '\(name)'")]))
    }

    private func runModule(name: String, path: String, bytes: [UInt8]) throws(PyError) -> PyModule {
        let source = SourceFile(name: path, bytes: bytes)
        let code: CodeObject
        do {
            code = try Frontend.compile(source, allowsTopLevelAwait: path.hasSuffix(".coro"))
        } catch let syntaxError {
            throw PyError(exception: syntaxErrorException(syntaxError))
        }
        let module = newModule(name, file: path)
        modules.setString(intern(name), Value(module))
        do throws(PyError) {
            _ = try runModuleCode(code, in: module)
        } catch let thrown {
            _ = modules.removeString(intern(name))
            throw thrown
        }
        return module
    }

    func newModule(_ name: String, file: String? = nil) -> PyModule {
        let dict = newDict()
        dict.setString(names.name, str(name))
        dict.setString(names.doc, .none)
        if let file { dict.setString(names.file, str(file)) }
        dict.setString(names.builtins, Value(builtinsModule))
        return heap.register(PyModule(type: types.module, name: name, dict: dict))
    }

    /// Runs module code as a frame of its own (nested in whatever is running).
    func runModuleCode(_ code: CodeObject, in module: PyModule) throws(PyError) -> Value {
        let runtime = load(code)
        let function = heap.register(PyFunction(type: types.function, code: runtime, globals: module.dict, defaults: [],
                                                keywordDefaults: nil, closure: [], module: .none))
        return try withRoots([Value(function), Value(module)]) { () throws(PyError) -> Value in
            // A body that awaits at top level comes back as its coroutine, not run yet.
            if let coroutine = try enterFunction(function, UnsafeBufferPointer(start: nil, count: 0), [], mode: .native, returnSlot: nil) {
                return coroutine
            }
            return try finishNativeRun()
        }
    }

    /// A SyntaxError exception object for a compile error in an imported file.
    func syntaxErrorException(_ syntaxError: SyntaxError) -> PyException {
        let type = types[exception: syntaxError.kind.rawValue]
        let exception = newException(type, [str(syntaxError.message)])
        exception.notes = str(TracebackFormatter.format(syntaxError))
        return exception
    }

    func readFile(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var stats = stat()
        if fstat(descriptor, &stats) == 0 && (stats.st_mode & S_IFMT) == S_IFDIR { return nil }
        var result: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = read(descriptor, &buffer, buffer.count)
            if count <= 0 { break }
            result.append(contentsOf: buffer[0..<count])
        }
        return result
    }

    /// The module holding the builtins namespace.
    var builtinsModule: PyModule {
        if let existing = modules.lookupString(intern("builtins"))?.as(PyModule.self) { return existing }
        let module = heap.makeImmortal(PyModule(type: types.module, name: "builtins", dict: builtins))
        modules.setString(intern("builtins"), Value(module))
        return module
    }
}

extension String {
    fileprivate func replacingDots() -> String { String(map { $0 == "." ? "/" : $0 }) }
}
