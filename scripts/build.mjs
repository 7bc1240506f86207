console.log("build: placeholder");
