#if canImport(Glibc)
import Glibc
#endif

/// `open()` for text files, file methods, and `print(file=...)`.
extension VM {
    func openFile(_ arguments: Arguments) throws(PyError) -> Value {
        guard let path = arguments.argument(0, "file")?.as(PyStr.self) else {
            throw typeError("open() missing required argument 'file' (pos 1)")
        }
        let mode = try arguments.argument(1, "mode").map { value throws(PyError) in try strText(value) } ?? "r"
        guard !mode.contains("b") else { throw error("ValueError", "binary mode is not supported") }
        let flags: Int32
        if mode.contains("w") {
            flags = O_WRONLY | O_CREAT | O_TRUNC
        } else if mode.contains("a") {
            flags = O_WRONLY | O_CREAT | O_APPEND
        } else if mode.contains("x") {
            flags = O_WRONLY | O_CREAT | O_EXCL
        } else {
            flags = mode.contains("+") ? O_RDWR : O_RDONLY
        }
        let descriptor = Glibc.open(path.value, flags | O_CLOEXEC, 0o644)
        if descriptor < 0 {
            throw systemError(errno, path: path.value)
        }
        let file = heap.register(PyFile(type: types.file, name: path.value, mode: mode, sink: nil, descriptor: descriptor))
        if file.isReadable {
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let count = read(descriptor, &buffer, buffer.count)
                if count <= 0 { break }
                file.contents.append(contentsOf: buffer[0..<count])
            }
        }
        return Value(file)
    }

    /// Writes to `file` (None: stdout).
    func write(_ text: String, to file: Value) throws(PyError) {
        if file.isNone {
            output.write(text)
            return
        }
        if let target = file.as(PyFile.self) {
            try writeFile(target, text)
            return
        }
        _ = try callMethod(file, "write", [str(text)])
    }

    func flush(_ file: Value) throws(PyError) {
        if file.isNone {
            output.flush()
        } else if let target = file.as(PyFile.self) {
            target.sink?.flush()
        } else {
            _ = try callMethod(file, "flush", [])
        }
    }

    private func writeFile(_ file: PyFile, _ text: String) throws(PyError) {
        if file.isClosed { throw error("ValueError", "I/O operation on closed file.") }
        if let sink = file.sink {
            sink.write(text)
            return
        }
        guard file.isWritable else { throw error("io.UnsupportedOperation", "not writable") }
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(file.descriptor, $0.baseAddress, $0.count) }
            if written <= 0 { throw error("OSError", "write failed") }
            offset += written
        }
    }

    func installFileMethods() {
        let type = types.file
        func file(_ arguments: Arguments) throws(PyError) -> PyFile {
            guard let file = arguments[0].as(PyFile.self) else { throw typeError("not a file") }
            if file.isClosed { throw error("ValueError", "I/O operation on closed file.") }
            return file
        }
        func readable(_ arguments: Arguments) throws(PyError) -> PyFile {
            let target = try file(arguments)
            guard target.isReadable else { throw error("OSError", "not readable") }
            return target
        }
        defineMethod(type, "write") { vm, arguments throws(PyError) in
            guard let text = arguments[1].as(PyStr.self) else {
                throw vm.typeError("write() argument must be str, not \(vm.typeName(arguments[1]))")
            }
            try vm.writeFile(try file(arguments), text.value)
            return .int(text.count)
        }
        defineMethod(type, "writelines") { vm, arguments throws(PyError) in
            for line in try vm.collect(arguments[1]) { try vm.writeFile(try file(arguments), try vm.strText(line)) }
            return .none
        }
        defineMethod(type, "read") { vm, arguments throws(PyError) in
            let target = try readable(arguments)
            let rest = target.contents[target.position...]
            target.position = target.contents.count
            return vm.str(String(decoding: rest, as: UTF8.self))
        }
        defineMethod(type, "readline") { vm, arguments throws(PyError) in
            let target = try readable(arguments)
            return vm.str(target.nextLine() ?? "")
        }
        defineMethod(type, "readlines") { vm, arguments throws(PyError) in
            let target = try readable(arguments)
            var lines: [Value] = []
            while let line = target.nextLine() { lines.append(vm.str(line)) }
            return vm.list(lines)
        }
        defineMethod(type, "__next__") { vm, arguments throws(PyError) in
            let target = try readable(arguments)
            guard let line = target.nextLine() else {
                throw PyError(exception: vm.newException(vm.types[exception: "StopIteration"], []))
            }
            return vm.str(line)
        }
        defineMethod(type, "__iter__") { _, arguments throws(PyError) in arguments[0] }
        defineMethod(type, "flush") { _, arguments throws(PyError) in
            arguments[0].as(PyFile.self)?.sink?.flush()
            return .none
        }
        defineMethod(type, "close") { _, arguments throws(PyError) in
            if let target = arguments[0].as(PyFile.self), target.sink == nil, !target.isClosed {
                target.isClosed = true
                if target.descriptor >= 0 { Glibc.close(target.descriptor) }
                target.descriptor = -1
            }
            return .none
        }
        defineMethod(type, "__enter__") { _, arguments throws(PyError) in arguments[0] }
        defineMethod(type, "__exit__") { vm, arguments throws(PyError) in
            _ = try vm.callMethod(arguments[0], "close", [])
            return .bool(false)
        }
        defineMethod(type, "fileno") { _, arguments throws(PyError) in .int(Int(arguments[0].as(PyFile.self)?.descriptor ?? -1)) }
    }
}

extension PyFile {
    /// The next line including its newline, or nil at the end.
    func nextLine() -> String? {
        guard position < contents.count else { return nil }
        var end = position
        while end < contents.count && contents[end] != 0x0A { end += 1 }
        if end < contents.count { end += 1 }
        let line = String(decoding: contents[position..<end], as: UTF8.self)
        position = end
        return line
    }
}

extension VM {
    /// The OSError subclass CPython raises for `code` (FileNotFoundError for ENOENT...),
    /// about the file at `path`.
    func systemError(_ code: Int32, path: String) -> PyError {
        let typeName = code == ENOENT ? "FileNotFoundError" : code == EACCES ? "PermissionError"
            : code == EISDIR ? "IsADirectoryError" : code == EEXIST ? "FileExistsError"
            : code == ENOTDIR ? "NotADirectoryError" : "OSError"
        let message = String(cString: strerror(code))
        return PyError(exception: newException(types[exception: typeName], [.int(Int(code)), str(message), str(path)]))
    }
}
