import CoroCLI

CoroCommand.main()
