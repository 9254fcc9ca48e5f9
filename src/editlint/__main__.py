import sys

from editlint.launch import main

sys.exit(main())
