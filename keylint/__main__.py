from keylint.launch import main

main()
